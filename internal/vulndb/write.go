package vulndb

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"slices"
)

// writeStore writes a store of records (normalised name → advisories) into
// dir atomically: a temp file in dir, synced, then renamed over FileName, so
// a reader or an interrupted write never sees a partial store.
func writeStore(dir string, meta Meta, records map[string][]Advisory) (err error) {
	names := make([]string, 0, len(records))
	for n, advs := range records {
		if len(advs) > 0 {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	meta.Packages = len(names)
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		return err
	}

	var data, nameBlob []byte
	entries := make([]byte, 0, len(names)*entrySize)
	for _, n := range names {
		rec := encodeAdvisories(records[n])
		if len(nameBlob)+len(n) > math.MaxUint32 || len(rec) > math.MaxUint32 {
			return errors.New("vulnerability database too large")
		}
		entries = binary.LittleEndian.AppendUint32(entries, uint32(len(nameBlob)))
		entries = binary.LittleEndian.AppendUint32(entries, uint32(len(n)))
		entries = binary.LittleEndian.AppendUint64(entries, uint64(len(data)))
		entries = binary.LittleEndian.AppendUint32(entries, uint32(len(rec)))
		entries = binary.LittleEndian.AppendUint32(entries, crc32.ChecksumIEEE(rec))
		nameBlob = append(nameBlob, n...)
		data = append(data, rec...)
	}

	head := make([]byte, 0, headerSize+len(metaJSON)+len(entries)+len(nameBlob)+4)
	head = append(head, magic...)
	head = binary.LittleEndian.AppendUint32(head, formatVersion)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(metaJSON)))
	head = binary.LittleEndian.AppendUint32(head, uint32(len(names)))
	head = binary.LittleEndian.AppendUint32(head, uint32(len(nameBlob)))
	head = binary.LittleEndian.AppendUint64(head, uint64(len(data)))
	head = append(head, metaJSON...)
	head = append(head, entries...)
	head = append(head, nameBlob...)
	head = binary.LittleEndian.AppendUint32(head, crc32.ChecksumIEEE(head))

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, FileName), head, data)
}

// writeFileAtomic writes the parts to a temp file beside path and renames it
// over path once it is complete and synced.
func writeFileAtomic(path string, parts ...[]byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	for _, p := range parts {
		if _, err := tmp.Write(p); err != nil {
			return fmt.Errorf("write %s: %w", tmp.Name(), err)
		}
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
	return os.Rename(tmp.Name(), path)
}
