import GRDB

/// One change of the store's schema, recorded in `grdb_migrations` as GRDB's migrator records it.
struct StoreMigration: Sendable {
    let identifier: String
    let run: @Sendable (Database) throws -> Void

    init(_ identifier: String, run: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.run = run
    }
}

extension MetricsStore {
    /// The schema, one migration per change; `PRAGMA user_version` mirrors the count.
    static let migrationList: [StoreMigration] = [
        StoreMigration("v1: catalogue, revisions, audit log") { db in
            try db.execute(sql: """
                -- Every change to the store (ingest, revert, catalogue load) is an import; one id sequence.
                CREATE TABLE import (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('ingest', 'revert', 'catalog')),
                    created_at TEXT NOT NULL,
                    note TEXT,
                    imported INTEGER NOT NULL DEFAULT 0,
                    updated INTEGER NOT NULL DEFAULT 0,
                    unchanged INTEGER NOT NULL DEFAULT 0,
                    ignored INTEGER NOT NULL DEFAULT 0,
                    rejected INTEGER NOT NULL DEFAULT 0,
                    reverts INTEGER REFERENCES import(id)
                );
                CREATE TABLE import_file (
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    position INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    rows INTEGER NOT NULL,
                    PRIMARY KEY (import_id, position)
                );

                -- The catalogue: definitions as JSON, every revision kept.
                CREATE TABLE shift (
                    id INTEGER PRIMARY KEY,
                    definition TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id)
                );
                CREATE TABLE area (
                    id TEXT PRIMARY KEY,
                    definition TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id)
                );
                CREATE TABLE indicator_revision (
                    indicator_id TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    definition TEXT NOT NULL,
                    PRIMARY KEY (indicator_id, import_id)
                );

                -- Values: one key per indicator × area × period × gender, one row per revision.
                CREATE TABLE series_key (
                    id INTEGER PRIMARY KEY,
                    indicator TEXT NOT NULL,
                    area TEXT NOT NULL,
                    period TEXT NOT NULL,
                    period_kind TEXT NOT NULL,
                    period_index INTEGER NOT NULL,
                    gender TEXT NOT NULL,
                    current_revision INTEGER,
                    UNIQUE (indicator, area, period, gender)
                );
                CREATE TABLE revision (
                    id INTEGER PRIMARY KEY,
                    key_id INTEGER NOT NULL REFERENCES series_key(id),
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    value REAL,
                    numerator REAL,
                    denominator REAL,
                    status TEXT NOT NULL CHECK (status IN ('reported', 'missing', 'withdrawn')),
                    note TEXT
                );
                CREATE INDEX revision_by_key ON revision(key_id, import_id);
                CREATE INDEX revision_by_import ON revision(import_id);

                PRAGMA user_version = 1;
                """)
        },
        StoreMigration("v2: report log") { db in
            try db.execute(sql: """
                -- Every generated report, and the values it showed, so the next one can mark revisions.
                CREATE TABLE report (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    period TEXT NOT NULL,
                    as_of INTEGER REFERENCES import(id),
                    created_at TEXT NOT NULL,
                    out_path TEXT NOT NULL
                );
                CREATE INDEX report_by_kind ON report(kind, as_of);
                CREATE TABLE report_value (
                    report_id INTEGER NOT NULL REFERENCES report(id),
                    indicator TEXT NOT NULL,
                    area TEXT NOT NULL,
                    period TEXT NOT NULL,
                    gender TEXT NOT NULL,
                    value REAL,
                    status TEXT NOT NULL,
                    PRIMARY KEY (report_id, indicator, area, period, gender)
                ) WITHOUT ROWID;

                PRAGMA user_version = 2;
                """)
        },
        StoreMigration("v3: index for the latest period") { db in
            try db.execute(sql: """
                CREATE INDEX series_key_by_period ON series_key(period_kind, period_index);
                PRAGMA user_version = 3;
                """)
        },
        StoreMigration("v4: area versions") { db in
            // An area may have several versions (valid from a date), and each load keeps the earlier definition.
            try db.execute(sql: """
                CREATE TABLE area_version (
                    id TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    definition TEXT NOT NULL,
                    PRIMARY KEY (id, valid_from, import_id)
                );
                INSERT INTO area_version (id, valid_from, import_id, definition)
                    SELECT id, valid_from, import_id, definition FROM area;
                DROP TABLE area;
                PRAGMA user_version = 4;
                """)
        },
        StoreMigration("v5: agreements") { db in
            // National agreements, decided activities (definitions as JSON, every revision kept, loaded as
            // 'catalog' imports) and the money used per activity and quarter ('ingest' imports).
            try db.execute(sql: """
                CREATE TABLE agreement_revision (
                    agreement_id TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    definition TEXT NOT NULL,
                    PRIMARY KEY (agreement_id, import_id)
                );
                CREATE TABLE activity_revision (
                    activity_id TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    definition TEXT NOT NULL,
                    PRIMARY KEY (activity_id, import_id)
                );
                -- spent NULL: withdrawn by a revert.
                CREATE TABLE activity_use (
                    activity_id TEXT NOT NULL,
                    period TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES import(id),
                    spent REAL,
                    note TEXT,
                    PRIMARY KEY (activity_id, period, import_id)
                );
                CREATE INDEX activity_use_by_import ON activity_use(import_id);
                PRAGMA user_version = 5;
                """)
        },
        StoreMigration("v6: packed observation keys") { db in
            // One table of revisions keyed by an integer (see StoredKey) instead of text keys and a
            // separate key table: a quarter of the size, and bulk loads append in key order.
            try db.execute(sql: """
                CREATE TABLE indicator_code (code INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
                CREATE TABLE area_code (code INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
                INSERT INTO indicator_code (id) SELECT DISTINCT indicator FROM series_key ORDER BY indicator;
                INSERT INTO area_code (id) SELECT DISTINCT area FROM series_key ORDER BY area;

                -- Every revision of every record: the current one is the latest import's.
                -- status: 0 reported, 1 missing, 2 withdrawn.
                CREATE TABLE observation (
                    key INTEGER NOT NULL,
                    import_id INTEGER NOT NULL,
                    status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),  -- not IN (…): that builds a table per row; v8 allows 3
                    value REAL,
                    numerator REAL,
                    denominator REAL,
                    note TEXT,
                    PRIMARY KEY (key, import_id)
                ) WITHOUT ROWID;
                INSERT INTO observation (key, import_id, status, value, numerator, denominator, note)
                SELECT (i.code << 44) | (a.code << 28)
                       | ((CASE k.period_kind WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END) << 26)
                       | (k.period_index << 2) | (CASE k.gender WHEN 'K' THEN 0 WHEN 'M' THEN 1 ELSE 2 END),
                       r.import_id, CASE r.status WHEN 'reported' THEN 0 WHEN 'missing' THEN 1 ELSE 2 END,
                       r.value, r.numerator, r.denominator, r.note
                FROM revision r
                JOIN series_key k ON k.id = r.key_id
                JOIN indicator_code i ON i.id = k.indicator
                JOIN area_code a ON a.id = k.area
                ORDER BY 1, 2;

                -- The periods with any record (kind << 24 | index), to find the latest one quickly.
                CREATE TABLE stored_period (code INTEGER PRIMARY KEY);
                INSERT INTO stored_period (code)
                SELECT DISTINCT ((CASE period_kind WHEN 'year' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END) << 24) | period_index
                FROM series_key;

                DROP TABLE revision;
                DROP TABLE series_key;
                PRAGMA user_version = 6;
                """)
        },
        StoreMigration("v7: report files in place") { db in
            // A report is logged `pending` before its file is moved into place and `done` after; a pending row
            // left by a killed run becomes `done` when its file (by SHA-256) is in place, else `withdrawn`.
            try db.execute(sql: """
                ALTER TABLE report ADD COLUMN state TEXT NOT NULL DEFAULT 'done'
                    CHECK (state IN ('pending', 'done', 'withdrawn'));
                ALTER TABLE report ADD COLUMN out_sha256 TEXT;
                PRAGMA user_version = 7;
                """)
        },
        StoreMigration("v8: suppressed at source") { db in
            // Status 3, withheld by the source, is allowed by the CHECK constraint. A CHECK constraint does not
            // change what is stored on disk, so the table's schema text is edited in place rather than the table
            // rebuilt (SQLite's documented way: lang_altertable.html, "Making Other Kinds Of Table Schema
            // Changes"); the schema version is bumped so every connection reloads it.
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try db.execute(sql: """
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (status BETWEEN 0 AND 2)', 'CHECK (status BETWEEN 0 AND 3)')
                WHERE type = 'table' AND name = 'observation';
                PRAGMA schema_version = \(version + 1);
                PRAGMA writable_schema = OFF;
                PRAGMA user_version = 8;
                """)
        },
    ]

    /// The migrations as GRDB's migrator (tests build older stores with it).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrationList { migrator.registerMigration(migration.identifier, migrate: migration.run) }
        return migrator
    }

    /// What a file holds, as far as the schema tells.
    enum SchemaState: Equatable {
        /// No table at all: a new file.
        case empty
        /// Tables, but not a naravard store's.
        case foreign
        case older(version: Int)
        case current
        case newer(version: Int)
    }

    static func schemaState(_ db: Database) throws -> SchemaState {
        guard try db.tableExists("grdb_migrations") else {
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 ? .empty : .foreign
        }
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = migrationList.map(\.identifier)
        guard applied.contains(known[0]) else { return .foreign }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if !applied.isSubset(of: known) || version > known.count { return .newer(version: max(version, applied.count)) }
        return applied.count == known.count ? .current : .older(version: version)
    }

    /// Creates or upgrades the schema in one transaction, deciding again under the write lock what to do, so
    /// that two processes opening a new or older store at once do it once, and a killed upgrade leaves the
    /// store as it was.
    static func upgrade(_ writer: any DatabaseWriter, creating: Bool, path: String) throws {
        try writer.writeWithoutTransaction { db in
            // Foreign keys are checked once at the end, as SQLite's steps for changing a table's layout want.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction(.immediate) {
                switch try schemaState(db) {
                case .current: return .commit
                case .empty where creating, .older: break
                case .empty, .foreign: throw OpenError.notAStore(path)
                case .newer(let version): throw OpenError.newer(path, version: version)
                }
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                for migration in migrationList where !applied.contains(migration.identifier) {
                    try migration.run(db)
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
                }
                try db.checkForeignKeys()
                return .commit
            }
        }
    }
}
