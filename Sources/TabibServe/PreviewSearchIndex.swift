import Foundation
import TabibCore

/// The preview's search index, on a site with search: after each build Pagefind indexes the served
/// pages in the background, and its bundle is added to the served site under `pagefind/` when it is
/// done, without reloading any page; the reload after a save never waits for it. One run at a time: the
/// builds during a run ask for one more run after it, with the newest pages. A run that fails leaves the
/// previous index served (the search page then finds what it found before).
actor PreviewSearchIndex {
    private var running = false
    private var again = false

    nonisolated func refresh(_ site: PreviewSite) {
        Task { await self.run(site) }
    }

    private func run(_ site: PreviewSite) async {
        if running {
            again = true
            return
        }
        running = true
        repeat {
            again = false
            let served = site.current.snapshot.files
            let pages = served.compactMap { key, file in key.hasSuffix(".html") ? (path: key, bytes: file.bytes) : nil }
            guard let bundle = try? await SearchIndex.bundle(of: pages) else { continue }
            let files = Dictionary(uniqueKeysWithValues: bundle.map { ($0.path, ServedFile(path: $0.path, bytes: $0.contents)) })
            site.amend { snapshot in
                let stale = Set(snapshot.files.keys.filter { $0.hasPrefix(SearchIndex.folder + "/") && files[$0] == nil })
                return snapshot.applying(files, removing: stale)
            }
        } while again
        running = false
    }
}
