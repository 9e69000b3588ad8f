package vulndb

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/kraitsec/krait/internal/deps"
)

// The store is one file. A fixed header, then an index block (meta JSON, a
// sorted table of package names with the offset, length and CRC of each
// package's record, the names, and a CRC of the whole block), then the
// records. Open reads the header and the index block only; Lookup reads one
// record. Nothing is decoded for packages a scan does not ask about.

// FileName is the name of the store file inside the DB directory.
const FileName = "osv-pypi.kdb"

const (
	magic         = "KRAITVDB"
	formatVersion = 1
	headerSize    = 8 + 4 + 4 + 4 + 4 + 8
	entrySize     = 4 + 4 + 8 + 4 + 4
	// maxIndexBlock bounds the index block Open will read, so a damaged
	// header cannot ask for gigabytes.
	maxIndexBlock = 256 << 20
)

// ErrNoDB reports that the DB directory holds no store; errors.Is also
// matches fs.ErrNotExist.
var ErrNoDB = fmt.Errorf("no vulnerability database: %w", fs.ErrNotExist)

// Meta describes where a store came from.
type Meta struct {
	// Source is the URL or file the snapshot was read from.
	Source string `json:"source"`
	// SHA256 is the hex digest of the snapshot zip.
	SHA256 string `json:"sha256,omitempty"`
	// ImportedAt is when the store was written.
	ImportedAt time.Time `json:"imported_at"`
	// SnapshotModified is the newest "modified" time among the entries.
	SnapshotModified time.Time `json:"snapshot_modified"`
	// Entries counts the OSV entries in the snapshot, Withdrawn those
	// dropped as withdrawn and Malicious the MAL-* entries kept.
	Entries   int `json:"entries"`
	Withdrawn int `json:"withdrawn"`
	Malicious int `json:"malicious"`
	// Packages counts the package names with at least one advisory.
	Packages int `json:"packages"`
}

// DB is an open store. Its methods are safe for concurrent use.
type DB struct {
	f       *os.File
	path    string
	meta    Meta
	entries []byte // count * entrySize
	names   []byte
	count   int
	dataOff int64
}

// Open opens the store in dir. It returns an error matching ErrNoDB when
// there is none, and an error naming the file when it is damaged or of
// another format version.
func Open(dir string) (*DB, error) {
	path := filepath.Join(dir, FileName)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", path, ErrNoDB)
		}
		return nil, err
	}
	db, err := openFile(f, path)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

func openFile(f *os.File, path string) (*DB, error) {
	var h [headerSize]byte
	if _, err := f.ReadAt(h[:], 0); err != nil {
		return nil, fmt.Errorf("not a krait vulnerability database: %w", err)
	}
	if string(h[:8]) != magic {
		return nil, errors.New("not a krait vulnerability database")
	}
	if v := binary.LittleEndian.Uint32(h[8:]); v != formatVersion {
		return nil, fmt.Errorf("database format %d, this krait reads %d: run krait db update", v, formatVersion)
	}
	metaLen := int64(binary.LittleEndian.Uint32(h[12:]))
	count := int64(binary.LittleEndian.Uint32(h[16:]))
	namesLen := int64(binary.LittleEndian.Uint32(h[20:]))
	dataLen := int64(binary.LittleEndian.Uint64(h[24:]))
	blockLen := metaLen + count*entrySize + namesLen + 4
	if blockLen > maxIndexBlock || dataLen < 0 {
		return nil, errors.New("damaged header")
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() != headerSize+blockLen+dataLen {
		return nil, errors.New("truncated or damaged file")
	}
	block := make([]byte, blockLen)
	if _, err := f.ReadAt(block, headerSize); err != nil {
		return nil, err
	}
	sum := crc32.NewIEEE()
	sum.Write(h[:])
	sum.Write(block[:blockLen-4])
	if sum.Sum32() != binary.LittleEndian.Uint32(block[blockLen-4:]) {
		return nil, errors.New("index checksum mismatch")
	}
	db := &DB{f: f, path: path, count: int(count), dataOff: headerSize + blockLen}
	if err := json.Unmarshal(block[:metaLen], &db.meta); err != nil {
		return nil, fmt.Errorf("damaged meta: %w", err)
	}
	db.entries = block[metaLen : metaLen+count*entrySize]
	db.names = block[metaLen+count*entrySize : blockLen-4]
	return db, nil
}

// Meta returns the store's description.
func (db *DB) Meta() Meta { return db.meta }

// Path returns the store file's path.
func (db *DB) Path() string { return db.path }

// Close closes the store file.
func (db *DB) Close() error { return db.f.Close() }

type entry struct {
	nameOff, nameLen uint32
	recOff           uint64
	recLen, crc      uint32
}

func (db *DB) entry(i int) entry {
	b := db.entries[i*entrySize:]
	return entry{
		nameOff: binary.LittleEndian.Uint32(b),
		nameLen: binary.LittleEndian.Uint32(b[4:]),
		recOff:  binary.LittleEndian.Uint64(b[8:]),
		recLen:  binary.LittleEndian.Uint32(b[16:]),
		crc:     binary.LittleEndian.Uint32(b[20:]),
	}
}

func (db *DB) name(e entry) ([]byte, error) {
	end := uint64(e.nameOff) + uint64(e.nameLen)
	if end > uint64(len(db.names)) {
		return nil, errCorrupt
	}
	return db.names[e.nameOff:end], nil
}

// Lookup returns the advisories for a package, by any spelling of its name
// (it is PEP 503 normalised first), or none.
func (db *DB) Lookup(name string) ([]Advisory, error) {
	key := []byte(deps.Normalize(name))
	var ferr error
	i := sort.Search(db.count, func(i int) bool {
		n, err := db.name(db.entry(i))
		if err != nil {
			ferr = err
			return true
		}
		return bytes.Compare(n, key) >= 0
	})
	if ferr != nil {
		return nil, fmt.Errorf("%s: index: %w", db.path, ferr)
	}
	if i == db.count {
		return nil, nil
	}
	e := db.entry(i)
	if n, _ := db.name(e); !bytes.Equal(n, key) {
		return nil, nil
	}
	buf := make([]byte, e.recLen)
	if _, err := db.f.ReadAt(buf, db.dataOff+int64(e.recOff)); err != nil {
		return nil, fmt.Errorf("%s: record %q: %w", db.path, key, err)
	}
	if crc32.ChecksumIEEE(buf) != e.crc {
		return nil, fmt.Errorf("%s: record %q: checksum mismatch", db.path, key)
	}
	advs, err := decodeAdvisories(buf)
	if err != nil {
		return nil, fmt.Errorf("%s: record %q: %w", db.path, key, err)
	}
	return advs, nil
}

// Names returns every package name in the store, sorted.
func (db *DB) Names() ([]string, error) {
	out := make([]string, 0, db.count)
	for i := range db.count {
		n, err := db.name(db.entry(i))
		if err != nil {
			return nil, fmt.Errorf("%s: index: %w", db.path, err)
		}
		out = append(out, string(n))
	}
	return out, nil
}
