<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <source>&amp;Facility settings</source>
        <translation>&amp;Facility settings</translation>
    </message>
    <message>
        <source>&amp;Language and unlocking</source>
        <translation>&amp;Language and unlocking</translation>
    </message>
    <message>
        <source>&amp;Backup and restore</source>
        <translation>&amp;Backup and restore</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>The administrator adds the nurses', doctors' and director's accounts later.</source>
        <translation>The administrator adds the nurses', doctors' and director's accounts later.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Password a&amp;gain</translation>
    </message>
    <message>
        <source>e.g. admin (lower-case letters, no accents)</source>
        <translation>e.g. admin (lower-case letters, no accents)</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Creating the encrypted records store…</source>
        <translation>Creating the encrypted records store…</translation>
    </message>
    <message>
        <source>The two entries differ; type the password again.</source>
        <translation>The two entries differ; type the password again.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Restoring the backup… Please wait and do not turn the computer off.</source>
        <translation>Restoring the backup… Please wait and do not turn the computer off.</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Back up</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Writes an encrypted copy of every record. Keep copies on a USB drive in another room; the same passphrase opens them.</source>
        <translation>Writes an encrypted copy of every record. Keep copies on a USB drive in another room; the same passphrase opens them.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Replaces every record on this computer with those in a backup. The current records are kept in the backups folder first. Everyone must log in again afterwards.</source>
        <translation>Replaces every record on this computer with those in a backup. The current records are kept in the backups folder first. Everyone must log in again afterwards.</translation>
    </message>
    <message>
        <source>Backup &amp;file</source>
        <translation>Backup &amp;file</translation>
    </message>
    <message>
        <source>Its &amp;passphrase</source>
        <translation>Its &amp;passphrase</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>Ch&amp;oose…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Where to write the backup</source>
        <translation>Where to write the backup</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>Backups (*.db)</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Backup to restore</translation>
    </message>
    <message>
        <source>Backups (*.db);;All files (*)</source>
        <translation>Backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Choose where to write the backup.</source>
        <translation>Choose where to write the backup.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Backing up… the program stays usable.</source>
        <translation>Backing up… the program stays usable.</translation>
    </message>
    <message>
        <source>Backup written: {path} ({size} MB).</source>
        <translation>Backup written: {path} ({size} MB).</translation>
    </message>
    <message>
        <source>Choose the backup file.</source>
        <translation>Choose the backup file.</translation>
    </message>
    <message>
        <source>Type the passphrase of the backup.</source>
        <translation>Type the passphrase of the backup.</translation>
    </message>
    <message>
        <source>Restore the backup?</source>
        <translation>Restore the backup?</translation>
    </message>
    <message>
        <source>Every record on this computer will be replaced by those in {file}. Changes made since that backup will no longer be shown (the current records are kept in the backups folder). Continue?</source>
        <translation>Every record on this computer will be replaced by those in {file}. Changes made since that backup will no longer be shown (the current records are kept in the backups folder). Continue?</translation>
    </message>
    <message>
        <source>Replace the records</source>
        <translation>Replace the records</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>Do not restore</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). What was already saved is safe. Please try again; if it happens again, tell the IT officer (the details are in the program's log).</source>
        <translation>Something unexpected went wrong ({kind}). What was already saved is safe. Please try again; if it happens again, tell the IT officer (the details are in the program's log).</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>Cannot do this</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Unexpected problem</translation>
    </message>
</context>
<context>
    <name>FacilityPage</name>
    <message>
        <source>The facility</source>
        <translation>The facility</translation>
    </message>
    <message>
        <source>As written on the facility's decision of establishment.</source>
        <translation>As written on the facility's decision of establishment.</translation>
    </message>
    <message>
        <source>Facility &amp;code</source>
        <translation>Facility &amp;code</translation>
    </message>
    <message>
        <source>Facility &amp;name</source>
        <translation>Facility &amp;name</translation>
    </message>
    <message>
        <source>Facility &amp;type</source>
        <translation>Facility &amp;type</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>&amp;Province</translation>
    </message>
    <message>
        <source>e.g. TTBTXH-LS</source>
        <translation>e.g. TTBTXH-LS</translation>
    </message>
    <message>
        <source>e.g. Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn</source>
        <translation>e.g. Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>(choose later)</source>
        <translation>(choose later)</translation>
    </message>
    <message>
        <source>{former} (now {current})</source>
        <translation>{former} (now {current})</translation>
    </message>
    <message>
        <source>The code identifies the facility on the provincial server and cannot be changed later: capital letters, digits and hyphens.</source>
        <translation>The code identifies the facility on the provincial server and cannot be changed later: capital letters, digits and hyphens.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Too short: at least 10 characters.</source>
        <translation>Too short: at least 10 characters.</translation>
    </message>
    <message>
        <source>Weak: add a few more words or digits.</source>
        <translation>Weak: add a few more words or digits.</translation>
    </message>
    <message>
        <source>Fair: a longer phrase is safer.</source>
        <translation>Fair: a longer phrase is safer.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Language of the program:</source>
        <translation>Language of the program:</translation>
    </message>
    <message>
        <source>Unlocking on this computer</source>
        <translation>Unlocking on this computer</translation>
    </message>
    <message>
        <source>&amp;Remember the records' key on this computer</source>
        <translation>&amp;Remember the records' key on this computer</translation>
    </message>
    <message>
        <source>The key is kept in this computer's credential store (on Windows, the Credential Manager of this Windows account), so the program opens without the passphrase; everyone still logs in with their own password. Turn it off on a computer that several Windows users share.</source>
        <translation>The key is kept in this computer's credential store (on Windows, the Credential Manager of this Windows account), so the program opens without the passphrase; everyone still logs in with their own password. Turn it off on a computer that several Windows users share.</translation>
    </message>
    <message>
        <source>Not available: this computer has no credential store the program can use, so the passphrase must be typed at each start.</source>
        <translation>Not available: this computer has no credential store the program can use, so the passphrase must be typed at each start.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>This computer does not hold the facility's health records yet.

In three short steps you will enter the facility's details, choose the passphrase that encrypts every record, and create the first administrator account.

Have the facility code (given by the province) at hand.</source>
        <translation>This computer does not hold the facility's health records yet.

In three short steps you will enter the facility's details, choose the passphrase that encrypts every record, and create the first administrator account.

Have the facility code (given by the province) at hand.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>The screen was locked to protect the residents' records. Log in to continue where you left off.</source>
        <translation>The screen was locked to protect the residents' records. Log in to continue where you left off.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Each person uses their own account, so the record shows who wrote what.</source>
        <translation>Each person uses their own account, so the record shows who wrote what.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Type your username.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Residents' health records</source>
        <translation>Residents' health records</translation>
    </message>
    <message>
        <source>Residents and today</source>
        <translation>Residents and today</translation>
    </message>
    <message>
        <source>&amp;Admit a resident…</source>
        <translation>&amp;Admit a resident…</translation>
    </message>
    <message>
        <source>Admit a new resident (Ctrl+N)</source>
        <translation>Admit a new resident (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Find a resident</source>
        <translation>&amp;Find a resident</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Lock the screen</translation>
    </message>
    <message>
        <source>Hide every record until someone logs in (Ctrl+L)</source>
        <translation>Hide every record until someone logs in (Ctrl+L)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>A&amp;dministration…</source>
        <translation>A&amp;dministration…</translation>
    </message>
    <message>
        <source>Users, facility settings, language, backup</source>
        <translation>Users, facility settings, language, backup</translation>
    </message>
    <message>
        <source>Close the record</source>
        <translation>Close the record</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Residents</source>
        <translation>&amp;Residents</translation>
    </message>
    <message>
        <source>Ad&amp;ministration</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Logged in: {user} ({role})</source>
        <translation>Logged in: {user} ({role})</translation>
    </message>
    <message>
        <source>Close the record (Ctrl+W)</source>
        <translation>Close the record (Ctrl+W)</translation>
    </message>
    <message>
        <source>Admit a resident</source>
        <translation>Admit a resident</translation>
    </message>
    <message>
        <source>The admission form is not part of this version of the program.</source>
        <translation>The admission form is not part of this version of the program.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Health records for labour-social health-care facilities.
Records are kept encrypted on this computer; see the user guide for backups.</source>
        <translation>Health records for labour-social health-care facilities.
Records are kept encrypted on this computer; see the user guide for backups.</translation>
    </message>
    <message>
        <source>Go to the list and type part of a name (Ctrl+F)</source>
        <translation>Go to the list and type part of a name (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Import a list from Excel/CSV…</source>
        <translation>&amp;Import a list from Excel/CSV…</translation>
    </message>
    <message>
        <source>At go-live: read the residents' list kept in Excel, checked row by row</source>
        <translation>At go-live: read the residents' list kept in Excel, checked row by row</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Passphrase of the records</source>
        <translation>Passphrase of the records</translation>
    </message>
    <message>
        <source>Every record on this computer is encrypted with it.</source>
        <translation>Every record on this computer is encrypted with it.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>at least 10 characters; a short sentence is easy to remember</source>
        <translation>at least 10 characters; a short sentence is easy to remember</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it in a locked place. Without it nobody, not even the IT officer, can open the records or a backup.</source>
        <translation>Write the passphrase down and keep it in a locked place. Without it nobody, not even the IT officer, can open the records or a backup.</translation>
    </message>
    <message>
        <source>The two entries differ; type the passphrase again.</source>
        <translation>The two entries differ; type the passphrase again.</translation>
    </message>
</context>
<context>
    <name>RecordPlaceholder</name>
    <message>
        <source>The resident's record screen is not part of this version of the program. The resident's data is safe in the store; ask the IT officer to update the program.</source>
        <translation>The resident's record screen is not part of this version of the program. The resident's data is safe in the store; ask the IT officer to update the program.</translation>
    </message>
</context>
<context>
    <name>ResidentListWidget</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>name, code, room or CCCD (accents not needed)</source>
        <translation>name, code, room or CCCD (accents not needed)</translation>
    </message>
    <message>
        <source>Type part of a name without accents, e.g. “nguyen van an”. The first match is selected; Down arrow goes to the list, Enter opens the selected resident.</source>
        <translation>Type part of a name without accents, e.g. “nguyen van an”. The first match is selected; Down arrow goes to the list, Enter opens the selected resident.</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Left the facility</source>
        <translation>Left the facility</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Show one beneficiary group only</source>
        <translation>Show one beneficiary group only</translation>
    </message>
    <message>
        <source>Residents present now, those who left, or everyone</source>
        <translation>Residents present now, those who left, or everyone</translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of %Ln resident(s)</source>
        <translation>
            <numerusform>Showing {shown} of %Ln resident</numerusform>
            <numerusform>Showing {shown} of %Ln residents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Born (age)</source>
        <translation>Born (age)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Left {date}</source>
        <translation>Left {date}</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Report form (Decree 30/2020/NĐ-CP)</source>
        <translation>Report form (Decree 30/2020/NĐ-CP)</translation>
    </message>
    <message>
        <source>Facility code</source>
        <translation>Facility code</translation>
    </message>
    <message>
        <source>Facility &amp;name</source>
        <translation>Facility &amp;name</translation>
    </message>
    <message>
        <source>Facility &amp;type</source>
        <translation>Facility &amp;type</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>&amp;Province</translation>
    </message>
    <message>
        <source>Commune / &amp;ward</source>
        <translation>Commune / &amp;ward</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Governing body (printed above the name)</source>
        <translation>&amp;Governing body (printed above the name)</translation>
    </message>
    <message>
        <source>Reports are &amp;sent to</source>
        <translation>Reports are &amp;sent to</translation>
    </message>
    <message>
        <source>Place in the report &amp;date</source>
        <translation>Place in the report &amp;date</translation>
    </message>
    <message>
        <source>Report &amp;symbol</source>
        <translation>Report &amp;symbol</translation>
    </message>
    <message>
        <source>&amp;Director's name</source>
        <translation>&amp;Director's name</translation>
    </message>
    <message>
        <source>Provincial target 20&amp;25</source>
        <translation>Provincial target 20&amp;25</translation>
    </message>
    <message>
        <source>Provincial target 20&amp;30</source>
        <translation>Provincial target 20&amp;30</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after (minutes without use)</source>
        <translation>&amp;Lock the screen after (minutes without use)</translation>
    </message>
    <message>
        <source>e.g. SỞ Y TẾ</source>
        <translation>e.g. SỞ Y TẾ</translation>
    </message>
    <message>
        <source>e.g. Sở Y tế tỉnh Lạng Sơn</source>
        <translation>e.g. Sở Y tế tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. Lạng Sơn</source>
        <translation>e.g. Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. BC-TTBTXH</source>
        <translation>e.g. BC-TTBTXH</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Share of residents with an electronic health record that the province set as its target; 0 means the province set none.</source>
        <translation>Share of residents with an electronic health record that the province set as its target; 0 means the province set none.</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the facility's health records</source>
        <translation>Set up the facility's health records</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Health records of the facility</source>
        <translation>Health records of the facility</translation>
    </message>
    <message>
        <source>Residents' health records</source>
        <translation>Residents' health records</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Nursing round {n} under way ({start} to {end}): {present} people in the centre.</source>
        <translation>Nursing round {n} under way ({start} to {end}): {present} people in the centre.</translation>
    </message>
    <message>
        <source>{k} of them have no intake checkup yet.</source>
        <translation>{k} of them have no intake checkup yet.</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Today, {date}</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Read the due list again</source>
        <translation>Read the due list again</translation>
    </message>
    <message>
        <source>Nothing is due today. Checkups, abnormal vital signs, insurance cards, referrals and residents aged 80 or more are all up to date.</source>
        <translation>Nothing is due today. Checkups, abnormal vital signs, insurance cards, referrals and residents aged 80 or more are all up to date.</translation>
    </message>
    <message>
        <source>Checkups due or overdue ({n})</source>
        <translation>Checkups due or overdue ({n})</translation>
    </message>
    <message>
        <source>Abnormal vital signs, last 7 days ({n})</source>
        <translation>Abnormal vital signs, last 7 days ({n})</translation>
    </message>
    <message>
        <source>Insurance cards expired or expiring within 30 days ({n})</source>
        <translation>Insurance cards expired or expiring within 30 days ({n})</translation>
    </message>
    <message>
        <source>Referrals still open ({n})</source>
        <translation>Referrals still open ({n})</translation>
    </message>
    <message>
        <source>Aged 80 or more, no checkup this year ({n})</source>
        <translation>Aged 80 or more, no checkup this year ({n})</translation>
    </message>
    <message>
        <source>room</source>
        <translation>room</translation>
    </message>
    <message>
        <source>Click or press Enter to open the record</source>
        <translation>Click or press Enter to open the record</translation>
    </message>
    <message numerus="yes">
        <source>Checkup %n day(s) overdue (due {date})</source>
        <translation>
            <numerusform>Checkup %n day overdue (due {date})</numerusform>
            <numerusform>Checkup %n days overdue (due {date})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Insurance card expires on {date} (%n day(s) left)</source>
        <translation>
            <numerusform>Insurance card expires on {date} (%n day left)</numerusform>
            <numerusform>Insurance card expires on {date} (%n days left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Referred to {hospital} since {date} (%n day(s))</source>
        <translation>
            <numerusform>Referred to {hospital} since {date} (%n day)</numerusform>
            <numerusform>Referred to {hospital} since {date} (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockWidget</name>
    <message>
        <source>Unlock the records</source>
        <translation>Unlock the records</translation>
    </message>
    <message>
        <source>The facility's records are encrypted. Type the passphrase chosen when the program was set up.</source>
        <translation>The facility's records are encrypted. Type the passphrase chosen when the program was set up.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>the records' passphrase</source>
        <translation>the records' passphrase</translation>
    </message>
    <message>
        <source>Opening with the key remembered on this computer…</source>
        <translation>Opening with the key remembered on this computer…</translation>
    </message>
    <message>
        <source>Opening with the passphrase given by the launcher (demo or kiosk mode)…</source>
        <translation>Opening with the passphrase given by the launcher (demo or kiosk mode)…</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Type the passphrase first.</translation>
    </message>
    <message>
        <source>The remembered key no longer opens the records; type the passphrase.</source>
        <translation>The remembered key no longer opens the records; type the passphrase.</translation>
    </message>
    <message>
        <source>The IT officer is changing the passphrase or restoring a backup; waiting for that to finish…</source>
        <translation>The IT officer is changing the passphrase or restoring a backup; waiting for that to finish…</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Each person gets their own account; never share one.</source>
        <translation>Each person gets their own account; never share one.</translation>
    </message>
    <message>
        <source>New password for {user}. Tell it to the person privately; they can use it at once.</source>
        <translation>New password for {user}. Tell it to the person privately; they can use it at once.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <source>e.g. lan.nguyen (lower-case letters, no accents)</source>
        <translation>e.g. lan.nguyen (lower-case letters, no accents)</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two entries differ; type the password again.</source>
        <translation>The two entries differ; type the password again.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>&amp;Add a user…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <source>A disabled account cannot log in; its name stays in the records it wrote. After 5 wrong passwords an account waits 15 minutes, or until an administrator resets its password.</source>
        <translation>A disabled account cannot log in; its name stays in the records it wrote. After 5 wrong passwords an account waits 15 minutes, or until an administrator resets its password.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Disable the account</source>
        <translation>Disable the account</translation>
    </message>
    <message>
        <source>{user} will no longer be able to log in. Continue?</source>
        <translation>{user} will no longer be able to log in. Continue?</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
</context>
<context>
    <name>FirstDayChecklist</name>
    <message>
        <source>First day: getting started</source>
        <translation>First day: getting started</translation>
    </message>
    <message>
        <source>Open Administration…</source>
        <translation>Open Administration…</translation>
    </message>
    <message>
        <source>Admit a resident…</source>
        <translation>Admit a resident…</translation>
    </message>
    <message>
        <source>How? (user guide)</source>
        <translation>How? (user guide)</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Open the user guide</translation>
    </message>
    <message>
        <source>No residents or no staff accounts yet. This box goes away once both exist.</source>
        <translation>No residents or no staff accounts yet. This box goes away once both exist.</translation>
    </message>
    <message>
        <source>Create accounts for the nurses, doctors and director.</source>
        <translation>Create accounts for the nurses, doctors and director.</translation>
    </message>
    <message>
        <source>The administrator does this.</source>
        <translation>The administrator does this.</translation>
    </message>
    <message>
        <source>Admit the first resident (Ctrl+N).</source>
        <translation>Admit the first resident (Ctrl+N).</translation>
    </message>
    <message>
        <source>Bring in an existing list from Excel or CSV (the columns of the residents export).</source>
        <translation>Bring in an existing list from Excel or CSV (the columns of the residents export).</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <source>Bring in an existing list from Excel or CSV: the director or administrator does this.</source>
        <translation>Bring in an existing list from Excel or CSV: the director or administrator does this.</translation>
    </message>
    <message>
        <source>Read the user guide (F1 on any screen).</source>
        <translation>Read the user guide (F1 on any screen).</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Printable version (PDF)</source>
        <translation>Printable version (PDF)</translation>
    </message>
    <message>
        <source>Open the guide as a PDF to print it</source>
        <translation>Open the guide as a PDF to print it</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The printable guide could not be opened: {path}</source>
        <translation>The printable guide could not be opened: {path}</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>How to use the program (F1 from any screen)</source>
        <translation>How to use the program (F1 from any screen)</translation>
    </message>
</context>
<context>
    <name>ReportFormFields</name>
    <message>
        <source>&amp;Governing body (printed above the name)</source>
        <translation>&amp;Governing body (printed above the name)</translation>
    </message>
    <message>
        <source>Reports are &amp;sent to (separate with ;)</source>
        <translation>Reports are &amp;sent to (separate with ;)</translation>
    </message>
    <message>
        <source>Place in the report &amp;date</source>
        <translation>Place in the report &amp;date</translation>
    </message>
    <message>
        <source>Report &amp;symbol</source>
        <translation>Report &amp;symbol</translation>
    </message>
    <message>
        <source>Signed &amp;by</source>
        <translation>Signed &amp;by</translation>
    </message>
    <message>
        <source>&amp;Director's name</source>
        <translation>&amp;Director's name</translation>
    </message>
    <message>
        <source>D&amp;eputy director's name</source>
        <translation>D&amp;eputy director's name</translation>
    </message>
    <message>
        <source>Province's &amp;plan: number</source>
        <translation>Province's &amp;plan: number</translation>
    </message>
    <message>
        <source>Province's plan: da&amp;te</source>
        <translation>Province's plan: da&amp;te</translation>
    </message>
    <message>
        <source>Province's plan: &amp;issued by</source>
        <translation>Province's plan: &amp;issued by</translation>
    </message>
    <message>
        <source>e.g. SỞ Y TẾ TỈNH LẠNG SƠN</source>
        <translation>e.g. SỞ Y TẾ TỈNH LẠNG SƠN</translation>
    </message>
    <message>
        <source>e.g. Sở Y tế tỉnh Lạng Sơn</source>
        <translation>e.g. Sở Y tế tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. Lạng Sơn</source>
        <translation>e.g. Lạng Sơn</translation>
    </message>
    <message>
        <source>e.g. BC-TTBTXH</source>
        <translation>e.g. BC-TTBTXH</translation>
    </message>
    <message>
        <source>e.g. 125/KH-UBND</source>
        <translation>e.g. 125/KH-UBND</translation>
    </message>
    <message>
        <source>e.g. 20/05/2022</source>
        <translation>e.g. 20/05/2022</translation>
    </message>
    <message>
        <source>e.g. Ủy ban nhân dân tỉnh Lạng Sơn</source>
        <translation>e.g. Ủy ban nhân dân tỉnh Lạng Sơn</translation>
    </message>
    <message>
        <source>The director (GIÁM ĐỐC)</source>
        <translation>The director (GIÁM ĐỐC)</translation>
    </message>
    <message>
        <source>A deputy for the director (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)</source>
        <translation>A deputy for the director (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>The report form</source>
        <translation>The report form</translation>
    </message>
    <message>
        <source>What the periodic reports print (Decree 30/2020/NĐ-CP). You can change it later in the settings.</source>
        <translation>What the periodic reports print (Decree 30/2020/NĐ-CP). You can change it later in the settings.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a list of residents</source>
        <translation>Import a list of residents</translation>
    </message>
    <message>
        <source>Choose an Excel (.xlsx) or CSV file with the columns of the residents' export. Nothing is written until you press Import, and then only if every row is valid (or you choose to leave out the rows with errors).</source>
        <translation>Choose an Excel (.xlsx) or CSV file with the columns of the residents' export. Nothing is written until you press Import, and then only if every row is valid (or you choose to leave out the rows with errors).</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Leave out the rows with errors and import the others</source>
        <translation>Leave out the rows with errors and import the others</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the list to import</source>
        <translation>Choose the list to import</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>Excel or CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Reading and checking the file…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Already there</translation>
    </message>
    <message>
        <source>Has errors</source>
        <translation>Has errors</translation>
    </message>
    <message>
        <source>%1 problems (listed below). %2.</source>
        <translation>%1 problems (listed below). %2.</translation>
    </message>
    <message>
        <source>Every row is valid: %1. Press Import to write them.</source>
        <translation>Every row is valid: %1. Press Import to write them.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Imported: %1.</translation>
    </message>
</context>
</TS>