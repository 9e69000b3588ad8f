package injection

import "testing"

func TestSQLText(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		start, stmt bool
	}{
		{"select", "SELECT * FROM users WHERE id = \x00", true, true},
		{"select_lower", "select name from users where id = \x00", true, true},
		{"leading_space", "\n    SELECT a FROM t", true, true},
		{"paren", "(SELECT a FROM t) UNION (SELECT b FROM u)", true, true},
		{"insert", "INSERT INTO notes (body) VALUES ('\x00')", true, true},
		{"insert_or", "insert or replace into kv values (?, ?)", true, true},
		{"update", "UPDATE users SET email = '\x00' WHERE id = 1", true, true},
		{"delete", "delete from t where a < now()", true, true},
		{"with", "WITH x AS (SELECT 1) SELECT * FROM x", true, true},
		{"pragma", "PRAGMA table_info(\x00)", true, false},
		{"prose_select", "Select a file from the list", true, false},
		{"prose_update", "Update available: \x00", true, false},
		{"prose_deleted", "deleted \x00 rows from cache", false, false},
		{"selected", "selected \x00 rows", false, false},
		{"select_star_hole", "SELECT*FROM t", true, false},
		{"url", "https://example.com/select?from=\x00", false, false},
		{"empty", "", false, false},
		{"long_word", "selection from x", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqlStart(tt.text); got != tt.start {
				t.Errorf("sqlStart(%q) = %v, want %v", tt.text, got, tt.start)
			}
			if got := looksLikeSQL(tt.text); got != tt.stmt {
				t.Errorf("looksLikeSQL(%q) = %v, want %v", tt.text, got, tt.stmt)
			}
		})
	}
}

func TestQuotedHole(t *testing.T) {
	tests := []struct {
		skel string
		want bool
	}{
		{"WHERE name = '\x00'", true},
		{"WHERE name = \"\x00\"", true},
		{"WHERE name = '%s'", true},
		{"WHERE name LIKE '%\x00%'", true},
		{"WHERE name = '{}'", true},
		{"WHERE id = \x00", false},
		{"WHERE id = %s", false},
		{"WHERE a = 'x' AND b = \x00", false},
	}
	for _, tt := range tests {
		if got := quotedHole(tt.skel); got != tt.want {
			t.Errorf("quotedHole(%q) = %v, want %v", tt.skel, got, tt.want)
		}
	}
}
