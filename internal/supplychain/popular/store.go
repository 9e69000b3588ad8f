package popular

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// FileName is the list's file in the DB directory.
const FileName = "popular.txt"

// storeMagic is the store's first line; the number is the format version.
const storeMagic = "krait-popular 1"

// maxStore bounds the store file read back (15,000 names take about 200 KB).
const maxStore = 64 << 20

// ErrNoList means the DB directory holds no downloaded list.
var ErrNoList = errors.New("no popular-packages list")

// meta is the store's second line.
type meta struct {
	Source     string    `json:"source"`
	ImportedAt time.Time `json:"imported_at"`
	LastUpdate string    `json:"last_update,omitempty"`
	Count      int       `json:"count"`
	// SHA256 is the digest of the JSON the list came from; NamesSHA256 that of
	// the name lines, which catches a damaged store.
	SHA256      string `json:"sha256"`
	NamesSHA256 string `json:"names_sha256"`
}

// namesDigest hashes the name lines as the store holds them.
func namesDigest(names []string) string {
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeStore writes the store into dir atomically: a temp file beside it,
// synced, then renamed over FileName, so that a reader or an interrupted
// write never sees a partial list.
func writeStore(dir string, m meta, names []string) (err error) {
	m.Count = len(names)
	m.NamesSHA256 = namesDigest(names)
	mj, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(storeMagic + "\n")
	buf.Write(mj)
	buf.WriteByte('\n')
	for _, n := range names {
		buf.WriteString(n)
		buf.WriteByte('\n')
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+FileName+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, FileName))
}

// readStore reads the store in dir; ErrNoList when there is none.
func readStore(dir string) (meta, []string, error) {
	path := filepath.Join(dir, FileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return meta{}, nil, ErrNoList
	}
	if err != nil {
		return meta{}, nil, err
	}
	return parseStore(path, data)
}

// parseStore checks and decodes the store's bytes; path names it in errors.
func parseStore(path string, data []byte) (meta, []string, error) {
	if len(data) > maxStore {
		return meta{}, nil, fmt.Errorf("%s: %d bytes, more than the %d allowed", path, len(data), maxStore)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	if !sc.Scan() || sc.Text() != storeMagic {
		return meta{}, nil, fmt.Errorf("%s: not a krait popular-packages list", path)
	}
	var m meta
	if !sc.Scan() {
		return meta{}, nil, fmt.Errorf("%s: truncated", path)
	}
	if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
		return meta{}, nil, fmt.Errorf("%s: damaged header: %w", path, err)
	}
	if m.Count < 0 || m.Count > maxRows {
		return meta{}, nil, fmt.Errorf("%s: damaged header: %d names", path, m.Count)
	}
	names := make([]string, 0, m.Count)
	for sc.Scan() {
		if n := strings.TrimSpace(sc.Text()); n != "" {
			names = append(names, n)
		}
	}
	if err := sc.Err(); err != nil {
		return meta{}, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(names) != m.Count || namesDigest(names) != m.NamesSHA256 {
		return meta{}, nil, fmt.Errorf("%s: damaged (%d names, header says %d); run `krait db update`", path, len(names), m.Count)
	}
	return m, names, nil
}

// Load returns the list downloaded into dir or, when dir is "" or holds none,
// the built-in list; List.Source and List.BuiltIn say which. A damaged store
// is an error, so that the caller can say so and fall back to Builtin.
func Load(dir string) (*List, error) {
	if dir == "" {
		return Builtin(), nil
	}
	m, names, err := readStore(dir)
	if errors.Is(err, ErrNoList) {
		return Builtin(), nil
	}
	if err != nil {
		return nil, err
	}
	return newList(names, m.Source, false), nil
}
