package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TarfileExtraction flags tar archive extraction without an extraction filter.
var TarfileExtraction = &analysis.Rule{
	Code:       "KR905",
	Name:       "tarfile-unsafe-extraction",
	Summary:    "tar archive extracted without a safe extraction filter",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{22},
	Aliases:    []string{"B202", "S202"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runTarfileExtraction,
	Doc: `## What it does
Flags ` + "`TarFile.extractall()`" + ` and ` + "`TarFile.extract()`" + ` on an archive opened with ` + "`tarfile.open`" + `
or ` + "`tarfile.TarFile`" + ` (directly, through a variable, a ` + "`with`" + ` block or a ` + "`tarfile.TarFile`" + `
annotation), and ` + "`shutil.unpack_archive()`" + `, when no safe extraction filter is given:

- ` + "`filter=\"fully_trusted\"`" + ` (or ` + "`tarfile.fully_trusted_filter`" + `): high severity, the
  protection is turned off on every Python version;
- no filter: medium severity. Python 3.14 extracts with ` + "`filter=\"data\"`" + ` by default, so only
  that default protects the call; Python 3.12 and 3.13 warn and extract everything,
  and older versions have no filter at all.

` + "`filter=\"data\"`, `filter=\"tar\"`" + `, the ` + "`tarfile.data_filter`/`tar_filter`" + ` functions, a
custom filter function, an ` + "`extraction_filter`" + ` set on the class or the archive, a
` + "`members=`" + ` list that is filtered (a comprehension with a condition, a helper
function), and a loop over ` + "`getmembers()`" + ` that checks members before extraction in the
same function are taken as handled; so is a ` + "`members`" + ` parameter passed through, which
leaves the check to the caller. An unfiltered extraction in a function that tests
` + "`hasattr(tarfile, \"data_filter\")`" + ` is the fallback for old Pythons and has low
severity. A ` + "`tar.extractall()`" + ` whose receiver cannot be resolved is reported with
medium confidence when the file imports tarfile and no other archive module.
` + "`shutil.unpack_archive`" + ` of a ` + "`.zip`" + ` file or with ` + "`format=\"zip\"`" + ` is not reported.
Findings in test code have low confidence.

` + "`zipfile.ZipFile.extract`/`extractall`" + ` are not reported: zipfile removes drive letters,
leading slashes and ` + "`..`" + ` components from member names and creates no links, so members
cannot leave the destination (the zip bomb risk of large archives remains).

## Why is this bad?
A tar member's name can be absolute (` + "`/etc/cron.d/job`" + `) or climb out of the destination
(` + "`../../app/settings.py`" + `), and a member can be a symlink or hard link to any path
that a later member writes through. Without a filter, extracting an uploaded or
downloaded archive lets its author overwrite any file the process can write, which
often leads to code execution (CVE-2007-4559, CWE-22). Members can also carry
setuid bits and device files.

## Example
` + "```python" + `
import tarfile

def install_theme(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest)
` + "```" + `

## Use instead
` + "```python" + `
def install_theme(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest, filter="data")  # Python 3.12+, 3.8.17+, 3.9.17+, 3.10.12+, 3.11.4+
` + "```" + `

## References
- [Python docs: tarfile extraction filters](https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter)
- [PEP 706: Filter for tarfile.extractall](https://peps.python.org/pep-0706/)
- [Python docs: zipfile.ZipFile.extract](https://docs.python.org/3/library/zipfile.html#zipfile.ZipFile.extract)
- [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
`,
}

const tarDefaultNote = "before Python 3.14, which defaults to filter=\"data\", members with absolute paths, \"..\" or links can write outside the destination; pass filter=\"data\""

func runTarfileExtraction(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	switch tail := ruleutil.ResolvedTail(p.Model, c); tail {
	case "extractall", "extract":
		tarExtract(p, c, tail)
	case "unpack_archive":
		unpackArchive(p, c)
	}
}
