// Package injection holds the command, code and SQL injection rules (KR101–KR129).
package injection

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		SubprocessShell,
		SubprocessWithoutShell,
		ShellTrueOther,
		StartProcessShell,
		StartProcessNoShell,
		PartialPath,
		ParamikoExec,
		WildcardInjection,
		EvalUsed,
		ExecUsed,
		SQLInjection,
		SQLString,
		DjangoExtra,
		DjangoRawSQL,
		LoggingListen,
		SubprocessImport,
		ShellC,
		LDAPInjection,
		NoSQLWhere,
		XPathInjection,
	}
}
