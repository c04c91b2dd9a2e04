// The loaders report through the shared diagnostics channel; clients of KapstokIO get its types
// (`Diagnostic`, `DiagnosticCollector`, `DiagnosticsError`) with this module.
@_exported import Diagnostics
