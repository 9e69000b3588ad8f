eval(a)  # want eval
