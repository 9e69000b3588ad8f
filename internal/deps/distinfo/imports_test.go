package distinfo

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRecordImports(t *testing.T) {
	tests := []struct {
		name   string
		record []string
		want   []string
	}{
		{"package_and_module", []string{
			"six.py,sha256=abc,34549",
			"six-1.16.0.dist-info/METADATA,sha256=x,1795",
			"six-1.16.0.dist-info/RECORD,,",
			"__pycache__/six.cpython-312.pyc,,",
			"yaml/__init__.py,sha256=y,12311",
			"yaml/composer.py,sha256=y,4883",
			"_yaml/__init__.py,sha256=z,1402",
		}, []string{"_yaml", "six", "yaml"}},
		{"extension_modules", []string{
			"_cffi_backend.cpython-312-x86_64-linux-gnu.so,sha256=a,1",
			"numpy/__init__.py,sha256=b,2",
			"numpy.libs/libgfortran-040039e1.so.5.0.0,sha256=c,3",
			"msgpack/__init__.py,,",
			"msgpack/_cmsgpack.cpython-312-darwin.so,,",
			"winmod.pyd,,",
		}, []string{"_cffi_backend", "msgpack", "numpy", "winmod"}},
		{"namespace_packages", []string{
			"google/protobuf/__init__.py,,",
			"google/protobuf/message.py,,",
			"google/_upb/_message.abi3.so,,",
			"azure/core/__init__.py,,",
			"zope/interface/__init__.py,,",
		}, []string{"azure.core", "google._upb._message", "google.protobuf", "zope.interface"}},
		{"nested_namespace", []string{"google/cloud/storage/__init__.py,,", "google/cloud/storage/blob.py,,"}, []string{"google.cloud.storage"}},
		{"namespace_of_modules_only", []string{"ns/a.py,,", "ns/b.py,,"}, []string{"ns.a", "ns.b"}},
		{"deep_namespace_falls_back", []string{"a/b/c/d/e/f/g.py,,"}, []string{"a.b.c.d"}},
		{"scripts_and_data_skipped", []string{
			"../../../bin/flask,sha256=a,1",
			"../../share/man/man1/x.1,,",
			"flask-3.0.3.data/scripts/run,,",
			"distutils-precedence.pth,,",
			"flask/__init__.py,,",
			"/abs/path.py,,",
			"C:/x/y.py,,",
			"README.rst,,",
			"stubs-only/__init__.pyi,,",
		}, []string{"flask"}},
		{"quoted_and_crlf", []string{`"weird,name.py",sha256=a,1` + "\r", `"pkg/__init__.py",,`}, []string{"pkg"}},
		{"stub_package", []string{"foo-stubs/__init__.pyi,,", "typed/__init__.pyi,,"}, []string{"typed"}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RecordImports([]byte(strings.Join(tt.record, "\n")))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestTopLevel(t *testing.T) {
	got := TopLevel([]byte("yaml\r\n_yaml\n\n  google/protobuf \nyaml\n"))
	if diff := cmp.Diff([]string{"_yaml", "google.protobuf", "yaml"}, got); diff != "" {
		t.Error(diff)
	}
}

func TestImportNames(t *testing.T) {
	tests := []struct {
		name, top, record string
		want              []string
	}{
		{"record_wins", "PIL\n", "PIL/__init__.py,,\nPIL/Image.py,,\n", []string{"PIL"}},
		{"top_level_when_record_has_no_module", "bs4\n", "bs4-0.0.1.dist-info/METADATA,,\n", []string{"bs4"}},
		{"neither", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ImportNames([]byte(tt.top), []byte(tt.record))); diff != "" {
				t.Error(diff)
			}
		})
	}
}
