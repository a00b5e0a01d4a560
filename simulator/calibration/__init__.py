"""The calibration lab (issue 16): trainers rate replies blind on the QA rubric's three scales
(shared/judging-rubric.md), the product measures how its verdicts agree with them, and a site
tunes how the scorer's signals map to its own raters. Pure functions only: the store keeps the
sets, ratings and tunings (simulator/store/calibration.py), the pages show them."""
