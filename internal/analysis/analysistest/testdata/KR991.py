eval(a)
eval(b)  # want "eval"
print(c)  # want "eval"
eval(d)  # want "exec"
