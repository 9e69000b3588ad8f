eval(
