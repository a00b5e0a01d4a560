"""The app's pages, one file each; ``st.navigation`` runs a file as a script, and tests may
import it and call ``render()``."""
