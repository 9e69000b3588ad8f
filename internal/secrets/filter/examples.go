package filter

import "strings"

// Documentation example keys, split so that secret scanners do not take this
// file for a leak.
var knownExamples = [...]string{
	"AKIAIOSFODNN7" + "EXAMPLE",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
	"AKIAI44QH8DHB" + "EXAMPLE",
	"je7MtGbClwBF/2Zp9Utk/h3yCo8nvb" + "EXAMPLEKEY",
	"sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc",
	"pk_test_" + "TYooMQauvdEDq54NiTphI7jx",
	"sk_test_" + "BQokikJOvBiI2HlWgH4olfQ2",
	"sk_test_" + "26PHem9AhJZvU623DfE1x4sd",
	"ghp_" + "16C7e42F292c6912E7710c838347Ae178B4a",
	"xoxb-" + "17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
	"SG." + "ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr",
	// RFC 6749's client credentials, s6BhdRkqt3:gX1fBat3bV, in HTTP Basic form.
	"czZCaGRSa3F0" + "MzpnWDFmQmF0M2JW",
	// PyJWT's README token ({"some": "payload"} signed with "secret").
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg",
}

// knownExamplePrefixes start documentation tokens whatever follows: jwt.io's
// sample JWT ({"alg":"HS256","typ":"JWT"}.{"sub":"1234567890","name":"John Doe",…}).
var knownExamplePrefixes = [...]string{
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIi",
}

func isKnownExample(v string) bool {
	for _, e := range knownExamples {
		if v == e {
			return true
		}
	}
	for _, p := range knownExamplePrefixes {
		if len(v) >= len(p) && v[:len(p)] == p {
			return true
		}
	}
	return false
}

// IsKnownExample reports whether v contains a key published in a provider's
// documentation, for detectors that match a token inside a longer text.
func IsKnownExample(v string) bool {
	for _, e := range knownExamples {
		if containsString(v, e) {
			return true
		}
	}
	for _, p := range knownExamplePrefixes {
		if containsString(v, p) {
			return true
		}
	}
	return hasExampleMark(v)
}

// hasExampleMark reports the capital EXAMPLE that AWS and others put in their
// documentation keys.
func hasExampleMark(v string) bool { return containsString(v, "EXAMPLE") }

// testKeyPrefixes start the test-mode keys of payment providers.
var testKeyPrefixes = [...]string{"sk_test_", "rk_test_", "pk_test_", "access_token$sandbox$"}

func isTestKey(v string) bool {
	for _, p := range testKeyPrefixes {
		if strings.HasPrefix(v, p) && len(v) > len(p)+8 {
			return true
		}
	}
	return false
}
