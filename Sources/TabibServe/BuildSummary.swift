import Foundation
import TabibCore

/// One successful build of the preview.
public struct BuildSummary: Sendable, CustomStringConvertible {
    /// The changed source files that caused it, relative to the site root; empty for the first build.
    public var trigger: [String]
    public var duration: Duration
    public var pages: Int
    public var files: Int
    /// How many pages went through the templates again (the others were unchanged and kept).
    public var rendered: Int
    /// Whether every page was rendered (the first build, or an edit the quick path does not cover).
    public var isFull: Bool
    /// The output files whose bytes changed.
    public var changed: [String]
    /// The build's warnings when they differ from the previous build's; empty when they are the same.
    public var warnings: [Diagnostic]
    /// How long each stage of the build took, in order.
    public var stageTimes: [SiteBuilder.StageTime] = []

    /// `load 0.012 s · graph 0.040 s · …`: where the time went.
    public var stageText: String { SiteBuilder.describe(stageTimes) }

    public var description: String {
        let seconds = duration.formattedSeconds
        guard !trigger.isEmpty else { return "Built \(pages) pages (\(files) files) in \(seconds)." }
        let cause = trigger.count == 1 ? trigger[0] : "\(trigger[0]) and \(trigger.count - 1) more"
        let pagesText = isFull ? "rendered all \(pages) pages" : "rendered \(rendered) of \(pages) pages"
        return "Rebuilt in \(seconds) after \(cause) changed: \(pagesText), \(changed.count) file\(changed.count == 1 ? "" : "s") changed."
    }
}
