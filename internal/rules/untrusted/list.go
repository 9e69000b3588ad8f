// Package untrusted holds the rules for loading untrusted data: deserialization, XML parsing, templates and URL opening (KR130–KR159).
package untrusted

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		PickleLoad,
		MarshalLoad,
		UnsafeYAMLLoad,
		PickleImport,
		StdlibXMLParse,
		LxmlXXE,
		XMLImport,
		XMLRPCImport,
		SAXExternalEntities,
		URLOpen,
		Jinja2Autoescape,
		MakoTemplates,
		DjangoMarkSafe,
		MarkupXSS,
		TemplateInjection,
		TorchLoad,
		NumpyAllowPickle,
		KerasUnsafeLoad,
		HubUnpinnedRevision,
		TrustRemoteCode,
	}
}
