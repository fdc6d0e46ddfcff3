import Foundation

/// Folders arranged by their parent links, in display order.
public struct FolderTree: Sendable, Equatable {
    /// One folder with its depth and full path.
    public struct Node: Sendable, Equatable, Identifiable {
        public var folder: Folder
        public var depth: Int
        public var path: String
        public var id: String { folder.id }

        public init(folder: Folder, depth: Int, path: String) {
            self.folder = folder
            self.depth = depth
            self.path = path
        }
    }

    /// Depth-first, children sorted by name.
    public private(set) var nodes: [Node] = []

    /// Builds the tree. Folders whose parent is missing, and cycles, become roots rather than vanish.
    public init(_ folders: [Folder]) {
        let known = Set(folders.map(\.id))
        var children: [String?: [Folder]] = [:]
        for folder in folders {
            let parent = folder.parentID.flatMap { known.contains($0) && $0 != folder.id ? $0 : nil }
            children[parent, default: []].append(folder)
        }
        var visited = Set<String>()
        func visit(_ parent: String?, depth: Int, prefix: String) {
            let sorted = (children[parent] ?? []).sorted {
                $0.name.localizedStandardCompare($1.name) == .orderedAscending
            }
            for folder in sorted where visited.insert(folder.id).inserted {
                let path = prefix.isEmpty ? folder.name : "\(prefix)/\(folder.name)"
                nodes.append(Node(folder: folder, depth: depth, path: path))
                visit(folder.id, depth: depth + 1, prefix: path)
            }
        }
        visit(nil, depth: 0, prefix: "")
        // Folders caught in a parent cycle were never reached from a root.
        for folder in folders where !visited.contains(folder.id) {
            visited.insert(folder.id)
            nodes.append(Node(folder: folder, depth: 0, path: folder.name))
            visit(folder.id, depth: 1, prefix: folder.name)
        }
    }

    /// The full path of a folder, when it is in the tree.
    public func path(of folderID: String) -> String? {
        nodes.first { $0.id == folderID }?.path
    }
}
