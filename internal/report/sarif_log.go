package report

// The SARIF 2.1.0 objects krait writes, with the spec's property names. Fields are in
// the order the spec lists them, and empty optional ones are left out, so the output
// is stable and small.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string                     `json:"name"`
	Version        string                     `json:"version,omitempty"`
	InformationURI string                     `json:"informationUri"`
	Rules          []sarifReportingDescriptor `json:"rules"`
}

type sarifReportingDescriptor struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name,omitempty"`
	ShortDescription     sarifMessage        `json:"shortDescription"`
	FullDescription      sarifMessage        `json:"fullDescription"`
	Help                 sarifMessage        `json:"help"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

// sarifMessage serves for message, multiformatMessageString and artifactContent alike:
// text, and markdown where the spec allows it.
type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProperties carries what GitHub code scanning reads from a rule's property bag.
type sarifRuleProperties struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision,omitempty"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Locations  []sarifLocation     `json:"locations,omitempty"`
	Message    sarifMessage        `json:"message"`
	Level      string              `json:"level"`
	Descriptor *sarifDescriptorRef `json:"descriptor,omitempty"`
}

type sarifDescriptorRef struct {
	ID string `json:"id"`
}

type sarifResult struct {
	RuleID              string                 `json:"ruleId"`
	RuleIndex           int                    `json:"ruleIndex"`
	Level               string                 `json:"level"`
	Message             sarifMessage           `json:"message"`
	Locations           []sarifLocation        `json:"locations"`
	PartialFingerprints map[string]string      `json:"partialFingerprints,omitempty"`
	CodeFlows           []sarifCodeFlow        `json:"codeFlows,omitempty"`
	Properties          *sarifResultProperties `json:"properties,omitempty"`
}

// sarifResultProperties keeps a finding's own severity and confidence, which may differ
// from its rule's defaults.
type sarifResultProperties struct {
	Severity   string `json:"severity,omitempty"`
	Confidence string `json:"confidence,omitempty"`
	// The dependency, supply-chain and secrets fields of the finding, under the names
	// the JSON format uses.
	Package              string   `json:"package,omitempty"`
	Version              string   `json:"version,omitempty"`
	VulnerabilityID      string   `json:"vulnerability_id,omitempty"`
	VulnerabilityAliases []string `json:"vulnerability_aliases,omitempty"`
	FixedIn              string   `json:"fixed_in,omitempty"`
	Imported             string   `json:"imported,omitempty"`
	Imitates             string   `json:"imitates,omitempty"`
	RiskScore            float64  `json:"risk_score,omitempty"`
	Provider             string   `json:"provider,omitempty"`
	Commit               string   `json:"commit,omitempty"`
	Author               string   `json:"author,omitempty"`
	Date                 string   `json:"date,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn,omitempty"`
	EndLine     int           `json:"endLine,omitempty"`
	EndColumn   int           `json:"endColumn,omitempty"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifThreadFlowLocation `json:"locations"`
}

type sarifThreadFlowLocation struct {
	Location sarifLocation `json:"location"`
}
