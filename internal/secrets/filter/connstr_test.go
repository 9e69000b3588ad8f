package filter

import "testing"

func TestConnectionPassword(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"libpq", "host=db user=app password=Pg-Pr0d-2024 dbname=shop", "Pg-Pr0d-2024", true},
		{"odbc", "Driver={ODBC Driver 18};Server=db;UID=sa;PWD=Sq1-Pr0d-99;", "Sq1-Pr0d-99", true},
		{"odbc_braced", "Server=db;UID=sa;PWD={p;w d!9x};", "p;w d!9x", true},
		{"adonet", "Server=db;User Id=sa;Password = Ad0-N3t-77;", "Ad0-N3t-77", true},
		{"query", "jdbc:mysql://db/shop?user=app&password=My-Sq1-55", "My-Sq1-55", true},
		{"start", "password=Pg-Pr0d-2024", "Pg-Pr0d-2024", true},
		{"placeholder", "host=db password=changeme", "", false},
		{"template", "host=db password={password}", "", false},
		{"env", "host=db password=${DB_PASSWORD}", "", false},
		{"format", "host=db password=%s", "", false},
		{"empty", "host=db password= user=x", "", false},
		{"no_key", "host=db user=app", "", false},
		{"inside_word", "host=db mypassword=Pg-Pr0d-2024", "", false},
		{"prose", "set password=... to log in", "", false},
		{"not_assignment", "the password is Pg-Pr0d-2024", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ConnectionPassword(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ConnectionPassword(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
