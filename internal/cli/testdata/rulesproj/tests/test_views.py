assert eval("1") == 1
