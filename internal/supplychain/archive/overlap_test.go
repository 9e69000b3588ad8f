package archive

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
)

// overlapZip builds a zip bomb of the kind whose members all share one
// compressed body: n central-directory entries point at the same local
// header. Each entry claims a compressed size large enough to keep its own
// ratio under 100:1, so only the archive-wide ratio can stop it.
func overlapZip(t testing.TB, n, size int) []byte {
	t.Helper()
	raw := bytes.Repeat([]byte{0}, size)
	var body bytes.Buffer
	fw, err := flate.NewWriter(&body, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(raw)
	fw.Close()
	crc := crc32.ChecksumIEEE(raw)
	claimed := uint32(size/50 + 1) // a ratio of 50:1 per member
	le := binary.LittleEndian

	var out bytes.Buffer
	local := []any{uint32(0x04034b50), uint16(20), uint16(0), uint16(8), uint16(0), uint16(0),
		crc, uint32(body.Len()), uint32(size), uint16(1), uint16(0)}
	for _, v := range local {
		binary.Write(&out, le, v)
	}
	out.WriteString("a")
	out.Write(body.Bytes())
	cdStart := out.Len()
	for i := range n {
		name := fmt.Sprintf("f%d", i)
		for _, v := range []any{uint32(0x02014b50), uint16(20), uint16(20), uint16(0), uint16(8), uint16(0), uint16(0),
			crc, claimed, uint32(size), uint16(len(name)), uint16(0), uint16(0), uint16(0), uint16(0), uint32(0), uint32(0)} {
			binary.Write(&out, le, v)
		}
		out.WriteString(name)
	}
	cdSize := out.Len() - cdStart
	for _, v := range []any{uint32(0x06054b50), uint16(0), uint16(0), uint16(n), uint16(n), uint32(cdSize), uint32(cdStart), uint16(0)} {
		binary.Write(&out, le, v)
	}
	return out.Bytes()
}

func TestExtractOverlappingZipBomb(t *testing.T) {
	data := overlapZip(t, 500, 2<<20) // 1000 MiB from a few KiB
	res, err := extract(t, "overlap.zip", data, DefaultLimits())
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "archive expands more than 100 times") {
		t.Fatalf("error %v, want the archive-wide ratio", err)
	}
	if res.Bytes > 4<<20 {
		t.Errorf("wrote %d bytes before stopping", res.Bytes)
	}
}
