# onramp-path: app/migrations/0001_initial.py
# onramp-config: max-module-lines = 10
from django.db import migrations  # ok: style/long-module
X1 = 1
X2 = 2
X3 = 3
X4 = 4
X5 = 5
X6 = 6
X7 = 7
X8 = 8
X9 = 9
X10 = 10
X11 = 11
X12 = 12
