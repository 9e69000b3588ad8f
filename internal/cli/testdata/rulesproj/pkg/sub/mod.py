eval(boom)
