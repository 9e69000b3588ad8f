package filter

// passwordKeys are the keys of a password in connection strings: libpq
// ("password=…"), ODBC and ADO.NET ("PWD=…;", "Password=…;"), JDBC and URL
// query strings ("?password=…").
var passwordKeys = [...]string{"password", "passwd", "pwd"}

// ConnectionPassword returns the password that a connection string or query
// string spells out as a key=value pair ("host=db password=s3cret",
// "Server=x;UID=sa;PWD=s3cret;", "?user=a&password=s3cret"), and false when
// there is none or it is noise by Classify (a placeholder, a template, an
// environment reference). The value ends at ';', '&', white space or a quote;
// ODBC's braced form "PWD={…}" is read to its closing brace.
func ConnectionPassword(s string) (string, bool) {
	if len(s) > maxClassify {
		s = s[:maxClassify]
	}
	for i := 0; i < len(s); i++ {
		if i > 0 {
			switch s[i-1] {
			case ';', '&', '?', ' ', '\t', '\n', ',', '"', '\'', '{':
			default:
				continue
			}
		}
		for _, k := range passwordKeys {
			if !hasFoldAt(s, i, k) {
				continue
			}
			j := i + len(k)
			spaced := false
			for j < len(s) && s[j] == ' ' {
				j++
				spaced = true
			}
			if j >= len(s) || s[j] != '=' {
				continue
			}
			j++
			// "Password = x" is spaced on both sides; in "password= user=x" the
			// password is empty.
			for spaced && j < len(s) && s[j] == ' ' {
				j++
			}
			v := connValue(s[j:])
			if v == "" || Classify("password", v).Noise() || isKnownExample(v) {
				continue
			}
			return v, true
		}
	}
	return "", false
}

// connValue reads a connection-string value from the start of s.
func connValue(s string) string {
	if len(s) > 0 && s[0] == '{' {
		if end := indexByteFrom(s, '}', 1); end > 0 {
			return s[1:end]
		}
		return ""
	}
	end := 0
	for end < len(s) {
		switch s[end] {
		case ';', '&', ' ', '\t', '\n', '\r', '"', '\'', ',':
			return s[:end]
		}
		end++
	}
	return s
}
