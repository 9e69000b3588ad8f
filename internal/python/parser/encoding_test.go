package parser

import (
	"errors"
	"strings"
	"testing"
)

// TestUnsupportedEncoding checks that a codec krait lacks is reported as
// krait's limit, naming the encoding, and not as a SyntaxError.
func TestUnsupportedEncoding(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		encoding string
	}{
		{"cp1006", "# coding: cp1006\nx = '\xa1'\n", "cp1006"},
		{"cookie_line_2", "#!/usr/bin/env python\n# -*- coding: cp1006 -*-\nx = '\xa1'\n", "cp1006"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("enc.py", []byte(tt.src))
			var ue *UnsupportedEncodingError
			if !errors.As(err, &ue) {
				t.Fatalf("error %T %v, want *UnsupportedEncodingError", err, err)
			}
			var se *SyntaxError
			if errors.As(err, &se) {
				t.Errorf("error %v is also a *SyntaxError", err)
			}
			if ue.Name != tt.encoding {
				t.Errorf("Name = %q, want %q", ue.Name, tt.encoding)
			}
			if msg := err.Error(); !strings.Contains(msg, `"`+tt.encoding+`"`) || !strings.Contains(msg, "not supported by krait") {
				t.Errorf("message %q does not name the encoding as unsupported by krait", msg)
			}
		})
	}
}
