package popular

import (
	"strings"
	"testing"
)

// FuzzParse feeds both readers of untrusted bytes: the downloaded or imported
// JSON, and the store file in the database directory, which anything with write
// access to the cache can change. Neither may panic or allocate by what a header
// claims.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"last_update":"2026-11-01","rows":[{"project":"requests","download_count":10}]}`))
	f.Add([]byte(storeMagic + "\n{\"count\":1,\"names_sha256\":\"x\"}\nrequests\n"))
	f.Add([]byte(storeMagic + "\n{\"count\":1000000000000}\n"))
	f.Add([]byte("{\"rows\":[" + strings.Repeat(`{"project":"a","download_count":1},`, 3) + "{}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseTop(data)
		parseStore("store", data)
	})
}

func TestParseStoreHugeCount(t *testing.T) {
	_, _, err := parseStore("store", []byte(storeMagic+"\n{\"count\":1000000000000}\n"))
	if err == nil || !strings.Contains(err.Error(), "damaged header") {
		t.Errorf("err = %v; want a damaged header", err)
	}
}
