"""Learning from finished calls: the branch map of a call (where it turned and why, against the
path the reference answers take), where a cohort leaves the good path, and each trainee's
practice plan. No Streamlit or database here: the pages pass what the store read."""
