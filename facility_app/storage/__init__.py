"""SQLCipher store: engine and key, tables, migrations, repositories, change log."""
