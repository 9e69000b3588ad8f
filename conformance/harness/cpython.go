package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// cpython produces CPython's reference line for each file, running dump.mjs only for
// files whose bytes it has not seen: a full stdlib run takes over a minute, a cached
// one a second.
type cpython struct {
	node, dump, pyodide string
	cache               string
}

// cpythonStats says how much work lines did.
type cpythonStats struct {
	cached, ran int
	elapsed     time.Duration
}

// lines returns CPython's line for each file, in order.
func (c cpython) lines(ctx context.Context, files []string, progress io.Writer) ([]string, cpythonStats, error) {
	var st cpythonStats
	dir, err := c.cacheDir()
	if err != nil {
		return nil, st, err
	}
	out := make([]string, len(files))
	keys := make([]string, len(files))
	var todo []int
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, st, err
		}
		sum := sha256.Sum256(data)
		keys[i] = filepath.Join(dir, hex.EncodeToString(sum[:]))
		if line, err := os.ReadFile(keys[i]); err == nil {
			out[i] = string(line)
			st.cached++
			continue
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return out, st, nil
	}
	start := time.Now()
	err = c.run(ctx, files, todo, func(i int, line string, cache bool) error {
		out[i] = line
		if !cache {
			return nil
		}
		return writeAtomic(keys[i], line)
	}, progress)
	st.ran = len(todo)
	st.elapsed = time.Since(start)
	return out, st, err
}

// cacheDir is keyed by the dumper script and the pinned pyodide, so changing either
// invalidates every cached line.
func (c cpython) cacheDir() (string, error) {
	h := sha256.New()
	for _, f := range []string{c.dump, filepath.Join(filepath.Dir(c.dump), "package-lock.json")} {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		h.Write(data)
	}
	dir := filepath.Join(c.cache, hex.EncodeToString(h.Sum(nil))[:16])
	return dir, os.MkdirAll(dir, 0o755)
}

// crashPrefix marks a file on which pyodide itself died (see dump.mjs). Such a line is
// not cached, and dump.mjs is restarted for the files after it.
const crashPrefix = "DumpError: pyodide crashed: "

// run feeds the files at indexes todo to dump.mjs and hands each result line to store
// as it streams in, restarting dump.mjs after a file that crashed pyodide.
func (c cpython) run(ctx context.Context, files []string, todo []int, store func(int, string, bool) error, progress io.Writer) error {
	start := time.Now()
	total := len(todo)
	for len(todo) > 0 {
		n, crashed, err := c.runOnce(ctx, files, todo, store, progress)
		if err != nil {
			return err
		}
		if !crashed {
			if n < len(todo) {
				return fmt.Errorf("dump.mjs stopped after %d of %d files", n, len(todo))
			}
			break
		}
		fmt.Fprintf(progress, "cpython: pyodide crashed on %s; restarting after it\n", files[todo[n-1]])
		todo = todo[n:]
		fmt.Fprintf(progress, "cpython: %d/%d files (%s)\n", total-len(todo), total, time.Since(start).Round(time.Second))
	}
	return nil
}

// runOnce runs one dump.mjs process over todo. It returns how many lines it stored and
// whether the last of them is a crash marker.
func (c cpython) runOnce(ctx context.Context, files []string, todo []int, store func(int, string, bool) error, progress io.Writer) (int, bool, error) {
	list, err := os.CreateTemp("", "krait-conformance-*.txt")
	if err != nil {
		return 0, false, err
	}
	defer os.Remove(list.Name())
	for _, i := range todo {
		fmt.Fprintln(list, files[i])
	}
	if err := list.Close(); err != nil {
		return 0, false, err
	}
	args := []string{c.dump, "--list", list.Name()}
	if c.pyodide != "" {
		args = append(args, "--pyodide", c.pyodide)
	}
	cmd := exec.CommandContext(ctx, c.node, args...)
	cmd.Stderr = progress
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, false, err
	}
	if err := cmd.Start(); err != nil {
		return 0, false, err
	}
	r := bufio.NewReaderSize(stdout, 1<<20)
	done := 0
	crashed := false
	var readErr error
	for done < len(todo) && !crashed {
		l, err := r.ReadString('\n')
		if err != nil {
			if !errors.Is(err, io.EOF) || l != "" {
				readErr = fmt.Errorf("reading dump.mjs output: %v", err)
			}
			break
		}
		i := todo[done]
		path, line, ok := strings.Cut(strings.TrimSuffix(l, "\n"), "\t")
		if !ok || path != files[i] {
			readErr = fmt.Errorf("dump.mjs answered for %q, expected %q", path, files[i])
			break
		}
		crashed = strings.HasPrefix(line, crashPrefix)
		if err := store(i, line, !crashed); err != nil {
			readErr = err
			break
		}
		done++
		if done%200 == 0 {
			fmt.Fprintf(progress, "cpython: %d/%d files\n", done, len(todo))
		}
	}
	if readErr != nil {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case readErr != nil:
		return done, crashed, readErr
	case waitErr != nil && !crashed:
		return done, crashed, fmt.Errorf("dump.mjs: %v", waitErr)
	}
	return done, crashed, nil
}

// writeAtomic writes through a temp file so an interrupted run never leaves a
// truncated line in the cache.
func writeAtomic(name, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(tmp, content); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}
