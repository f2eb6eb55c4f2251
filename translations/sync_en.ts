<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>SyncHooks</name>
        <message>
            <source>S&amp;ync</source>
            <translation>S&amp;ync</translation>
        </message>
        <message>
            <source>Sync &amp;now</source>
            <translation>Sync &amp;now</translation>
        </message>
        <message>
            <source>Send the changes saved here and receive the other PCs' changes now (F5)</source>
            <translation>Send the changes saved here and receive the other PCs' changes now (F5)</translation>
        </message>
        <message>
            <source>&amp;Conflicts and rejected changes…</source>
            <translation>&amp;Conflicts and rejected changes…</translation>
        </message>
    </context>
    <context>
        <name>SyncReviewDialog</name>
        <message>
            <source>Sync: conflicts and rejected changes</source>
            <translation>Sync: conflicts and rejected changes</translation>
        </message>
        <message>
            <source>The same information was changed on two PCs before they could sync. The record shows the later change; choose which value is right. Your choice is saved here and sent at the next sync.</source>
            <translation>The same information was changed on two PCs before they could sync. The record shows the later change; choose which value is right. Your choice is saved here and sent at the next sync.</translation>
        </message>
        <message>
            <source>The provincial server did not accept these changes. They stay saved on this PC and hold up nothing else. Read the reason, correct or re-enter what is needed, then mark the change as read.</source>
            <translation>The provincial server did not accept these changes. They stay saved on this PC and hold up nothing else. Read the reason, correct or re-enter what is needed, then mark the change as read.</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <source>Value on this PC</source>
            <translation>Value on this PC</translation>
        </message>
        <message>
            <source>Value on the other PC</source>
            <translation>Value on the other PC</translation>
        </message>
        <message>
            <source>Shown now</source>
            <translation>Shown now</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>What was changed</source>
            <translation>What was changed</translation>
        </message>
        <message>
            <source>Why the server refused it</source>
            <translation>Why the server refused it</translation>
        </message>
        <message>
            <source>&amp;Mark as read</source>
            <translation>&amp;Mark as read</translation>
        </message>
        <message>
            <source>Mark &amp;all as read</source>
            <translation>Mark &amp;all as read</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Resident</translation>
        </message>
        <message>
            <source>Checkup</source>
            <translation>Checkup</translation>
        </message>
        <message>
            <source>Chronic condition</source>
            <translation>Chronic condition</translation>
        </message>
        <message>
            <source>Rehabilitation session</source>
            <translation>Rehabilitation session</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Referral</translation>
        </message>
        <message>
            <source>User account</source>
            <translation>User account</translation>
        </message>
        <message>
            <source>Facility settings</source>
            <translation>Facility settings</translation>
        </message>
        <message>
            <source>Conflicts ({n})</source>
            <translation>Conflicts ({n})</translation>
        </message>
        <message>
            <source>Rejected changes ({n})</source>
            <translation>Rejected changes ({n})</translation>
        </message>
        <message>
            <source>this PC</source>
            <translation>this PC</translation>
        </message>
        <message>
            <source>the other PC</source>
            <translation>the other PC</translation>
        </message>
        <message>
            <source>this PC's value</source>
            <translation>this PC's value</translation>
        </message>
        <message>
            <source>the other PC's value</source>
            <translation>the other PC's value</translation>
        </message>
        <message>
            <source>No conflicts: nothing to decide.</source>
            <translation>No conflicts: nothing to decide.</translation>
        </message>
        <message>
            <source>New record</source>
            <translation>New record</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Deletion</source>
            <translation>Deletion</translation>
        </message>
        <message>
            <source>No rejected changes.</source>
            <translation>No rejected changes.</translation>
        </message>
        <message>
            <source>Keep this PC's value</source>
            <translation>Keep this PC's value</translation>
        </message>
        <message>
            <source>Keep the other PC's value</source>
            <translation>Keep the other PC's value</translation>
        </message>
        <message>
            <source>Keep “{value}” (this PC)</source>
            <translation>Keep “{value}” (this PC)</translation>
        </message>
        <message>
            <source>Keep “{value}” (other PC)</source>
            <translation>Keep “{value}” (other PC)</translation>
        </message>
        <message>
            <source>On this PC: {value}</source>
            <translation>On this PC: {value}</translation>
        </message>
        <message>
            <source>(entered on this PC)</source>
            <translation>(entered on this PC)</translation>
        </message>
        <message>
            <source>On the other PC: {value}</source>
            <translation>On the other PC: {value}</translation>
        </message>
        <message>
            <source>The record shows the later change now: {which}.</source>
            <translation>The record shows the later change now: {which}.</translation>
        </message>
        <message>
            <source>Found {when}.</source>
            <translation>Found {when}.</translation>
        </message>
        <message>
            <source>Why: {reason}</source>
            <translation>Why: {reason}</translation>
        </message>
        <message numerus="yes">
            <source>Mark all %n rejected change(s) as read? They will no longer be counted; they are not sent again.</source>
            <translation>
                <numerusform>Mark the %n rejected change as read? It will no longer be counted; it is not sent again.</numerusform>
                <numerusform>Mark all %n rejected changes as read? They will no longer be counted; they are not sent again.</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark this rejected change as read? It will no longer be counted; it is not sent again. Re-enter what is needed first.</source>
            <translation>Mark this rejected change as read? It will no longer be counted; it is not sent again. Re-enter what is needed first.</translation>
        </message>
        <message>
            <source>Mark as read</source>
            <translation>Mark as read</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusArea</name>
        <message>
            <source>Click “{review}” to see them.</source>
            <translation>Click “{review}” to see them.</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Send the changes saved here and receive the other PCs' changes now (F5)</source>
            <translation>Send the changes saved here and receive the other PCs' changes now (F5)</translation>
        </message>
    </context>
    <context>
        <name>SyncTab</name>
        <message>
            <source>S&amp;ync</source>
            <translation>S&amp;ync</translation>
        </message>
        <message>
            <source>This PC and the provincial server</source>
            <translation>This PC and the provincial server</translation>
        </message>
        <message>
            <source>Enrol this PC</source>
            <translation>Enrol this PC</translation>
        </message>
        <message>
            <source>The province's IT officer gives a one-time enrolment code for each PC. Enrolling again (for example after the PC's permission was revoked) replaces the previous enrolment; nothing saved here is lost.</source>
            <translation>The province's IT officer gives a one-time enrolment code for each PC. Enrolling again (for example after the PC's permission was revoked) replaces the previous enrolment; nothing saved here is lost.</translation>
        </message>
        <message>
            <source>Server &amp;address</source>
            <translation>Server &amp;address</translation>
        </message>
        <message>
            <source>Enrolment &amp;code</source>
            <translation>Enrolment &amp;code</translation>
        </message>
        <message>
            <source>Certificate &amp;file (optional)</source>
            <translation>Certificate &amp;file (optional)</translation>
        </message>
        <message>
            <source>the code from the province</source>
            <translation>the code from the province</translation>
        </message>
        <message>
            <source>Only when the province runs its own certificate authority: its CA certificate file (PEM).</source>
            <translation>Only when the province runs its own certificate authority: its CA certificate file (PEM).</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoose…</translation>
        </message>
        <message>
            <source>&amp;Enrol this PC</source>
            <translation>&amp;Enrol this PC</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <source>This PC is not enrolled: every change is kept here only. {waiting}.</source>
            <translation>This PC is not enrolled: every change is kept here only. {waiting}.</translation>
        </message>
        <message>
            <source>Enrolled with {url} (facility {code}).</source>
            <translation>Enrolled with {url} (facility {code}).</translation>
        </message>
        <message>
            <source>This PC's permission was revoked by the province: enrol it again with a new code.</source>
            <translation>This PC's permission was revoked by the province: enrol it again with a new code.</translation>
        </message>
        <message>
            <source>Last attempt: {message}</source>
            <translation>Last attempt: {message}</translation>
        </message>
        <message>
            <source>The province's CA certificate</source>
            <translation>The province's CA certificate</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
        </message>
        <message>
            <source>Type the server address, for example https://dongbo.tinh.gov.vn.</source>
            <translation>Type the server address, for example https://dongbo.tinh.gov.vn.</translation>
        </message>
        <message>
            <source>Type the enrolment code the province gave for this PC.</source>
            <translation>Type the enrolment code the province gave for this PC.</translation>
        </message>
        <message>
            <source>Enrol again?</source>
            <translation>Enrol again?</translation>
        </message>
        <message>
            <source>This PC is already enrolled with {url}. Enrol it again with the new code? The changes saved here are kept and sent to the server of the new enrolment.</source>
            <translation>This PC is already enrolled with {url}. Enrol it again with the new code? The changes saved here are kept and sent to the server of the new enrolment.</translation>
        </message>
        <message>
            <source>&amp;Enrol again</source>
            <translation>&amp;Enrol again</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Contacting the server…</source>
            <translation>Contacting the server…</translation>
        </message>
        <message>
            <source>Enrolled: this PC now syncs with the server of facility {code}.</source>
            <translation>Enrolled: this PC now syncs with the server of facility {code}.</translation>
        </message>
        <message>
            <source>PC enrolled</source>
            <translation>PC enrolled</translation>
        </message>
        <message>
            <source>This PC is enrolled with the provincial server (facility {code}). It syncs now and then every few minutes while the network is up.</source>
            <translation>This PC is enrolled with the provincial server (facility {code}). It syncs now and then every few minutes while the network is up.</translation>
        </message>
    </context>
    <context>
        <name>SyncTexts</name>
        <message>
            <source>at {time} today</source>
            <translation>at {time} today</translation>
        </message>
        <message>
            <source>at {time} on {date}</source>
            <translation>at {time} on {date}</translation>
        </message>
        <message>
            <source>nothing waiting to be sent</source>
            <translation>nothing waiting to be sent</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) waiting to be sent</source>
            <translation>
                <numerusform>%n change waiting to be sent</numerusform>
                <numerusform>%n changes waiting to be sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected change(s)</source>
            <translation>
                <numerusform>%n rejected change</numerusform>
                <numerusform>%n rejected changes</numerusform>
            </translation>
        </message>
        <message>
            <source>To review: {what}</source>
            <translation>To review: {what}</translation>
        </message>
        <message>
            <source>Never synced yet</source>
            <translation>Never synced yet</translation>
        </message>
        <message>
            <source>Last synced {when}</source>
            <translation>Last synced {when}</translation>
        </message>
        <message>
            <source>This PC's clock is {minutes} min ahead of the server's: please set the clock.</source>
            <translation>This PC's clock is {minutes} min ahead of the server's: please set the clock.</translation>
        </message>
        <message>
            <source>This PC's clock is {minutes} min behind the server's: please set the clock.</source>
            <translation>This PC's clock is {minutes} min behind the server's: please set the clock.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <source>Sending changes: {done} of {total}…</source>
            <translation>Sending changes: {done} of {total}…</translation>
        </message>
        <message numerus="yes">
            <source>Receiving changes: page {pages} (%n change(s))…</source>
            <translation>
                <numerusform>Receiving changes: page {pages} (%n change)…</numerusform>
                <numerusform>Receiving changes: page {pages} (%n changes)…</numerusform>
            </translation>
        </message>
        <message>
            <source>Checking conflicts…</source>
            <translation>Checking conflicts…</translation>
        </message>
        <message>
            <source>Sync: reading…</source>
            <translation>Sync: reading…</translation>
        </message>
        <message>
            <source>Sync not configured</source>
            <translation>Sync not configured</translation>
        </message>
        <message>
            <source>This PC is not connected to the provincial server yet: every change is kept here and will be sent once the administrator enrols this PC (Administration › Sync).</source>
            <translation>This PC is not connected to the provincial server yet: every change is kept here and will be sent once the administrator enrols this PC (Administration › Sync).</translation>
        </message>
        <message>
            <source>Last attempt: {message}</source>
            <translation>Last attempt: {message}</translation>
        </message>
        <message>
            <source>Next automatic sync in about {minutes} min.</source>
            <translation>Next automatic sync in about {minutes} min.</translation>
        </message>
        <message>
            <source>This PC's sync permission was revoked — the data is still saved on this PC; ask the IT officer to enrol it again</source>
            <translation>This PC's sync permission was revoked — the data is still saved on this PC; ask the IT officer to enrol it again</translation>
        </message>
        <message>
            <source>No connection to the server — the data is still saved on this PC; it will be sent automatically when the network is back</source>
            <translation>No connection to the server — the data is still saved on this PC; it will be sent automatically when the network is back</translation>
        </message>
        <message>
            <source>The provincial server has a problem — the data is still saved on this PC; sync will be tried again automatically</source>
            <translation>The provincial server has a problem — the data is still saved on this PC; sync will be tried again automatically</translation>
        </message>
        <message>
            <source>The server's security certificate cannot be verified — the data is still saved on this PC; ask the IT officer to check the sync settings</source>
            <translation>The server's security certificate cannot be verified — the data is still saved on this PC; ask the IT officer to check the sync settings</translation>
        </message>
        <message>
            <source>Sync did not succeed — the data is still saved on this PC; point here to see why</source>
            <translation>Sync did not succeed — the data is still saved on this PC; point here to see why</translation>
        </message>
        <message>
            <source>Saved on this PC only (sync not configured)</source>
            <translation>Saved on this PC only (sync not configured)</translation>
        </message>
        <message>
            <source>The server refused a change of this record (see the Sync menu)</source>
            <translation>The server refused a change of this record (see the Sync menu)</translation>
        </message>
        <message>
            <source>Saved on this PC — not yet on the provincial server</source>
            <translation>Saved on this PC — not yet on the provincial server</translation>
        </message>
        <message>
            <source>Saved here and on the provincial server</source>
            <translation>Saved here and on the provincial server</translation>
        </message>
    </context>
</TS>
