import pdb

pdb.set_trace()
