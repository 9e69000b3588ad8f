package audit

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/poetry160/poetry.lock from lock160")

// popular160 are 160 of the most used PyPI distributions, each at a release a
// few years old: the shape of a large, neglected application's lock file.
var popular160 = [][2]string{
	{"boto3", "1.9.0"}, {"botocore", "1.12.0"}, {"urllib3", "1.24.1"}, {"requests", "2.19.0"},
	{"setuptools", "40.0.0"}, {"certifi", "2018.4.16"}, {"idna", "2.7"}, {"charset-normalizer", "2.0.0"},
	{"typing-extensions", "3.7.4"}, {"python-dateutil", "2.7.0"}, {"packaging", "20.0"}, {"s3transfer", "0.1.13"},
	{"six", "1.11.0"}, {"numpy", "1.16.0"}, {"pyyaml", "5.3"}, {"pip", "19.0"},
	{"cryptography", "2.3"}, {"cffi", "1.11.5"}, {"pycparser", "2.18"}, {"wheel", "0.31.0"},
	{"jmespath", "0.9.3"}, {"rsa", "4.0"}, {"pyasn1", "0.4.4"}, {"attrs", "18.1.0"},
	{"protobuf", "3.6.0"}, {"jinja2", "2.10"}, {"markupsafe", "1.0"}, {"click", "7.0"},
	{"pandas", "0.23.0"}, {"pytz", "2018.5"}, {"importlib-metadata", "1.0.0"}, {"zipp", "0.5.0"},
	{"platformdirs", "2.0.0"}, {"filelock", "3.0.0"}, {"virtualenv", "16.0.0"}, {"pydantic", "1.5"},
	{"wrapt", "1.10.11"}, {"pyjwt", "1.6.4"}, {"oauthlib", "2.1.0"}, {"requests-oauthlib", "1.0.0"},
	{"google-auth", "1.5.0"}, {"cachetools", "2.1.0"}, {"googleapis-common-protos", "1.5.3"}, {"grpcio", "1.14.0"},
	{"pyparsing", "2.2.0"}, {"tomli", "1.0.0"}, {"pluggy", "0.7.1"}, {"pytest", "3.7.0"},
	{"iniconfig", "1.0.0"}, {"exceptiongroup", "1.0.0"}, {"aiohttp", "3.5.0"}, {"multidict", "4.4.0"},
	{"yarl", "1.2.6"}, {"frozenlist", "1.1.0"}, {"aiosignal", "1.1.0"}, {"async-timeout", "3.0.0"},
	{"sqlalchemy", "1.2.10"}, {"greenlet", "0.4.14"}, {"psutil", "5.4.6"}, {"werkzeug", "0.14.1"},
	{"flask", "1.0"}, {"itsdangerous", "0.24"}, {"django", "3.2.0"}, {"asgiref", "3.2.0"},
	{"sqlparse", "0.2.4"}, {"pillow", "5.2.0"}, {"lxml", "4.2.4"}, {"beautifulsoup4", "4.6.0"},
	{"soupsieve", "1.6"}, {"scipy", "1.1.0"}, {"matplotlib", "2.2.3"}, {"kiwisolver", "1.0.1"},
	{"cycler", "0.10.0"}, {"fonttools", "4.0.0"}, {"scikit-learn", "0.19.2"}, {"joblib", "0.12.2"},
	{"threadpoolctl", "2.0.0"}, {"tqdm", "4.25.0"}, {"colorama", "0.3.9"}, {"decorator", "4.3.0"},
	{"tornado", "5.1"}, {"pyzmq", "17.1.0"}, {"jupyter-core", "4.4.0"}, {"jupyter-client", "5.2.3"},
	{"ipython", "6.5.0"}, {"traitlets", "4.3.2"}, {"prompt-toolkit", "1.0.15"}, {"pygments", "2.2.0"},
	{"jedi", "0.12.1"}, {"parso", "0.3.1"}, {"pexpect", "4.6.0"}, {"ptyprocess", "0.6.0"},
	{"notebook", "5.6.0"}, {"nbformat", "4.4.0"}, {"nbconvert", "5.3.1"}, {"mistune", "0.8.3"},
	{"bleach", "2.1.4"}, {"html5lib", "1.0.1"}, {"webencodings", "0.5.1"}, {"jsonschema", "2.6.0"},
	{"paramiko", "2.4.1"}, {"bcrypt", "3.1.4"}, {"pynacl", "1.2.1"}, {"docutils", "0.14"},
	{"babel", "2.6.0"}, {"sphinx", "1.7.6"},
	{"snowballstemmer", "1.2.1"}, {"gunicorn", "19.9.0"}, {"uvicorn", "0.11.0"}, {"h11", "0.8.0"},
	{"starlette", "0.13.0"}, {"fastapi", "0.50.0"}, {"httpx", "0.11.0"}, {"httpcore", "0.7.0"},
	{"anyio", "2.0.0"}, {"sniffio", "1.1.0"}, {"celery", "4.2.1"}, {"kombu", "4.2.1"},
	{"billiard", "3.5.0.4"}, {"vine", "1.1.4"}, {"amqp", "2.3.2"}, {"redis", "2.10.6"},
	{"pymongo", "3.7.1"}, {"psycopg2-binary", "2.7.5"}, {"pymysql", "0.9.2"}, {"mysqlclient", "1.3.13"},
	{"elasticsearch", "6.3.1"}, {"markdown", "2.6.11"}, {"pycryptodome", "3.6.4"}, {"pyopenssl", "18.0.0"},
	{"ecdsa", "0.13"}, {"python-jose", "3.0.0"}, {"passlib", "1.7.1"},
	{"djangorestframework", "3.8.2"}, {"django-cors-headers", "2.4.0"}, {"gevent", "1.3.6"}, {"eventlet", "0.24.1"},
	{"dnspython", "1.15.0"}, {"mako", "1.0.7"}, {"alembic", "1.0.0"}, {"openpyxl", "2.5.5"},
	{"xlrd", "1.1.0"}, {"tensorflow", "1.10.0"}, {"keras", "2.2.2"},
	{"h5py", "2.8.0"}, {"torch", "1.0.0"}, {"transformers", "2.0.0"}, {"tokenizers", "0.5.0"},
	{"nltk", "3.3"}, {"regex", "2018.7.11"}, {"opencv-python", "3.4.2.17"}, {"imageio", "2.3.0"},
	{"simplejson", "3.16.0"}, {"msgpack", "0.5.6"}, {"docker", "3.5.0"}, {"websocket-client", "0.48.0"},
	{"kubernetes", "7.0.0"}, {"ansible", "2.6.0"}, {"salt", "2018.3.0"}, {"twisted", "18.7.0"},
}

// lock160 renders popular160 as a poetry.lock (lock version 2) with eight
// artifacts per package, about the size of a real one.
func lock160() string {
	var b strings.Builder
	for i, p := range popular160 {
		fmt.Fprintf(&b, "[[package]]\nname = %q\nversion = %q\ndescription = \"\"\noptional = false\npython-versions = \">=3.6\"\ngroups = [\"main\"]\nfiles = [\n", p[0], p[1])
		for j := range 8 {
			fmt.Fprintf(&b, "    {file = \"%s-%s-cp3%d-cp3%d-manylinux_2_17_x86_64.whl\", hash = \"sha256:%064x\"},\n",
				strings.ReplaceAll(p[0], "-", "_"), p[1], 6+j, 6+j, i*100+j)
		}
		b.WriteString("]\n\n")
	}
	b.WriteString("[metadata]\nlock-version = \"2.1\"\npython-versions = \"^3.8\"\ncontent-hash = \"0000000000000000000000000000000000000000000000000000000000000000\"\n")
	return b.String()
}

var lock160Path = filepath.Join("testdata", "poetry160", "poetry.lock")

// TestLock160Fixture keeps the committed fixture (scanned by `krait scan` for
// the speed figure) equal to lock160; -update rewrites it.
func TestLock160Fixture(t *testing.T) {
	if len(popular160) != 160 {
		t.Fatalf("%d packages, want 160", len(popular160))
	}
	seen := map[string]bool{}
	for _, p := range popular160 {
		if seen[p[0]] {
			t.Errorf("%s listed twice", p[0])
		}
		seen[p[0]] = true
	}
	want := lock160()
	if *update {
		if err := os.MkdirAll(filepath.Dir(lock160Path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(lock160Path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(lock160Path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s differs from lock160(); run go test -run TestLock160Fixture -update", lock160Path)
	}
}
