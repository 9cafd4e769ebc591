# A helper module that re-exports the debugger for the rest of the package.
from pdb import set_trace
from ipdb import post_mortem as pm
