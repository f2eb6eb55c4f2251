<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit a new resident</source>
        <translation>Admit a new resident</translation>
    </message>
    <message>
        <source>Fields in red must be corrected before saving. Dates are typed day/month/year, for example 05/01/1950. The resident code is given automatically if left blank.</source>
        <translation>Fields in red must be corrected before saving. Dates are typed day/month/year, for example 05/01/1950. The resident code is given automatically if left blank.</translation>
    </message>
    <message>
        <source>Already on record?</source>
        <translation>Already on record?</translation>
    </message>
    <message>
        <source>%1 (%2, born %3) is already on record: %4.

One person keeps one record: open the old record instead. Make a second record only if this is really someone else.</source>
        <translation>%1 (%2, born %3) is already on record: %4.

One person keeps one record: open the old record instead. Make a second record only if this is really someone else.</translation>
    </message>
    <message>
        <source>Someone else: make a new record</source>
        <translation>Someone else: make a new record</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
</context>
<context>
    <name>CheckupForm</name>
    <message>
        <source>Not classified</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>What the examiner found and advised</source>
        <translation>What the examiner found and advised</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Leave blank: one year later, or three months for a resident with a chronic condition.</source>
        <translation>Leave blank: one year later, or three months for a resident with a chronic condition.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Tuberculosis, hepatitis, scabies, ...</source>
        <translation>Tuberculosis, hepatitis, scabies, ...</translation>
    </message>
    <message>
        <source>Isolate the resident</source>
        <translation>Isolate the resident</translation>
    </message>
    <message>
        <source>Save checkup (Ctrl+S)</source>
        <translation>Save checkup (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Checkup date</source>
        <translation>Checkup date</translation>
    </message>
    <message>
        <source>Kind of checkup</source>
        <translation>Kind of checkup</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Health classification</source>
        <translation>Health classification</translation>
    </message>
    <message>
        <source>Findings and advice</source>
        <translation>Findings and advice</translation>
    </message>
    <message>
        <source>Next checkup due</source>
        <translation>Next checkup due</translation>
    </message>
    <message>
        <source>Examined by</source>
        <translation>Examined by</translation>
    </message>
    <message>
        <source>Admission screening (infectious diseases)</source>
        <translation>Admission screening (infectious diseases)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Screened for</source>
        <translation>Screened for</translation>
    </message>
    <message>
        <source>New checkup</source>
        <translation>New checkup</translation>
    </message>
    <message>
        <source>Correct the checkup of %1</source>
        <translation>Correct the checkup of %1</translation>
    </message>
    <message>
        <source>The version before this correction stays in the record's history.</source>
        <translation>The version before this correction stays in the record's history.</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>BP %1/%2</translation>
    </message>
    <message>
        <source>pulse %1</source>
        <translation>pulse %1</translation>
    </message>
    <message>
        <source>glucose %1</source>
        <translation>glucose %1</translation>
    </message>
    <message>
        <source>Previous checkup (%1): %2</source>
        <translation>Previous checkup (%1): %2</translation>
    </message>
    <message>
        <source>calculated from weight and height</source>
        <translation>calculated from weight and height</translation>
    </message>
    <message>
        <source>below normal</source>
        <translation>below normal</translation>
    </message>
    <message>
        <source>above normal</source>
        <translation>above normal</translation>
    </message>
    <message>
        <source>under 18: adult norms do not apply</source>
        <translation>under 18: adult norms do not apply</translation>
    </message>
    <message>
        <source>thin for age</source>
        <translation>thin for age</translation>
    </message>
    <message>
        <source>overweight for age</source>
        <translation>overweight for age</translation>
    </message>
    <message>
        <source>normal for age</source>
        <translation>normal for age</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>WHO z-score %1: %2</source>
        <translation>WHO z-score %1: %2</translation>
    </message>
</context>
<context>
    <name>CheckupsTab</name>
    <message>
        <source>New checkup</source>
        <translation>New checkup</translation>
    </message>
    <message>
        <source>Correct the selected checkup</source>
        <translation>Correct the selected checkup</translation>
    </message>
    <message>
        <source>Cancel a checkup entered by mistake</source>
        <translation>Cancel a checkup entered by mistake</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>First click a checkup in the table.</source>
        <translation>First click a checkup in the table.</translation>
    </message>
    <message>
        <source>No checkup recorded yet. Press “New checkup” to record the first one.</source>
        <translation>No checkup recorded yet. Press “New checkup” to record the first one.</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>Trend:</translation>
    </message>
    <message>
        <source>Cancel a checkup</source>
        <translation>Cancel a checkup</translation>
    </message>
    <message>
        <source>Why is the checkup of %1 cancelled? (for example: entered for the wrong resident)</source>
        <translation>Why is the checkup of %1 cancelled? (for example: entered for the wrong resident)</translation>
    </message>
    <message>
        <source>Cancel the checkup</source>
        <translation>Cancel the checkup</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Not cancelled: write the reason.</source>
        <translation>Not cancelled: write the reason.</translation>
    </message>
    <message>
        <source>The checkup of %1 was cancelled; it stays in the history.</source>
        <translation>The checkup of %1 was cancelled; it stays in the history.</translation>
    </message>
    <message>
        <source>Checkup of %1 corrected.</source>
        <translation>Checkup of %1 corrected.</translation>
    </message>
    <message>
        <source>Checkup of %1 saved.</source>
        <translation>Checkup of %1 saved.</translation>
    </message>
</context>
<context>
    <name>ConditionForm</name>
    <message>
        <source>New status from</source>
        <translation>New status from</translation>
    </message>
    <message>
        <source>Diagnosis (ICD-10)</source>
        <translation>Diagnosis (ICD-10)</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Follow up every</source>
        <translation>Follow up every</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Add a chronic condition</source>
        <translation>Add a chronic condition</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>Update %1</translation>
    </message>
</context>
<context>
    <name>ConditionsTab</name>
    <message>
        <source>%1 since %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message>
        <source>Status history: %1</source>
        <translation>Status history: %1</translation>
    </message>
    <message>
        <source>Add a chronic condition</source>
        <translation>Add a chronic condition</translation>
    </message>
    <message>
        <source>Update the selected condition</source>
        <translation>Update the selected condition</translation>
    </message>
    <message>
        <source>First click a line in the table.</source>
        <translation>First click a line in the table.</translation>
    </message>
    <message>
        <source>No chronic condition recorded.</source>
        <translation>No chronic condition recorded.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Saved: %1.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Choose the date on a calendar</source>
        <translation>Choose the date on a calendar</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>Discharge the resident</source>
        <translation>Discharge the resident</translation>
    </message>
    <message>
        <source>%1 leaves the facility. The record stays and can still be read.</source>
        <translation>%1 leaves the facility. The record stays and can still be read.</translation>
    </message>
</context>
<context>
    <name>DischargeForm</name>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Date of leaving</source>
        <translation>Date of leaving</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Discharge (Ctrl+S)</source>
        <translation>Discharge (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Every change to this record, newest first. Entries cannot be edited or removed. Select a line to read it in full below.</source>
        <translation>Every change to this record, newest first. Entries cannot be edited or removed. Select a line to read it in full below.</translation>
    </message>
    <message>
        <source>Select a line above to read the whole change.</source>
        <translation>Select a line above to read the whole change.</translation>
    </message>
</context>
<context>
    <name>Icd10Picker</name>
    <message>
        <source>Type a code (I10) or a name without accents (tang huyet ap)</source>
        <translation>Type a code (I10) or a name without accents (tang huyet ap)</translation>
    </message>
    <message>
        <source>No diagnosis chosen yet.</source>
        <translation>No diagnosis chosen yet.</translation>
    </message>
    <message>
        <source>(not in the ICD-10 list)</source>
        <translation>(not in the ICD-10 list)</translation>
    </message>
    <message>
        <source>Chosen: %1 — %2</source>
        <translation>Chosen: %1 — %2</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer words, or the code.</source>
        <translation>Nothing found. Try fewer words, or the code.</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>First registered at</source>
        <translation>First registered at</translation>
    </message>
    <message>
        <source>given automatically</source>
        <translation>given automatically</translation>
    </message>
    <message>
        <source>12 digits, if known</source>
        <translation>12 digits, if known</translation>
    </message>
    <message>
        <source>e.g. BT2201234567890</source>
        <translation>e.g. BT2201234567890</translation>
    </message>
    <message>
        <source>as written on the old papers</source>
        <translation>as written on the old papers</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>— type or choose —</source>
        <translation>— type or choose —</translation>
    </message>
    <message>
        <source>— choose the province first —</source>
        <translation>— choose the province first —</translation>
    </message>
    <message>
        <source>Admit (Ctrl+S)</source>
        <translation>Admit (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Undo changes (Esc)</source>
        <translation>Undo changes (Esc)</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
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
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Citizen ID (CCCD)</source>
        <translation>Citizen ID (CCCD)</translation>
    </message>
    <message>
        <source>Resident code</source>
        <translation>Resident code</translation>
    </message>
    <message>
        <source>Beneficiary groups (tick every one that applies)</source>
        <translation>Beneficiary groups (tick every one that applies)</translation>
    </message>
    <message>
        <source>Disability type</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Health insurance (BHYT)</source>
        <translation>Health insurance (BHYT)</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>Stay at the facility</source>
        <translation>Stay at the facility</translation>
    </message>
    <message>
        <source>Admission date</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Next of kin</source>
        <translation>Next of kin</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address (current provinces and communes)</source>
        <translation>Address (current provinces and communes)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Commune/ward</source>
        <translation>Commune/ward</translation>
    </message>
    <message>
        <source>Village, street</source>
        <translation>Village, street</translation>
    </message>
    <message>
        <source>Old address</source>
        <translation>Old address</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate records</source>
        <translation>Merge duplicate records</translation>
    </message>
    <message>
        <source>Find the other record of %1 made by mistake (name, code, room or CCCD):</source>
        <translation>Find the other record of %1 made by mistake (name, code, room or CCCD):</translation>
    </message>
    <message>
        <source>Type at least two letters</source>
        <translation>Type at least two letters</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stays: %1</source>
        <translation>Stays: %1</translation>
    </message>
    <message>
        <source>Merged away: %1</source>
        <translation>Merged away: %1</translation>
    </message>
    <message>
        <source>Every checkup, condition, rehabilitation session, referral, card and room of %1 moves to %2. Fields %2 leaves empty take the values of %1.</source>
        <translation>Every checkup, condition, rehabilitation session, referral, card and room of %1 moves to %2. Fields %2 leaves empty take the values of %1.</translation>
    </message>
    <message>
        <source>%1 (the records differ):</source>
        <translation>%1 (the records differ):</translation>
    </message>
    <message>
        <source>Keep this record (%1)</source>
        <translation>Keep this record (%1)</translation>
    </message>
    <message>
        <source>Keep the other record (%1)</source>
        <translation>Keep the other record (%1)</translation>
    </message>
    <message>
        <source>%1 (%2) and %3 (%4) will become one record, %4. Every record of %2 moves to %4; %2 disappears from the list and cannot be opened again. Who merged, when and what is written to the log. This cannot be undone here. Merge them?</source>
        <translation>%1 (%2) and %3 (%4) will become one record, %4. Every record of %2 moves to %4; %2 disappears from the list and cannot be opened again. Who merged, when and what is written to the log. This cannot be undone here. Merge them?</translation>
    </message>
    <message>
        <source>Merge two records?</source>
        <translation>Merge two records?</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Do not merge</source>
        <translation>Do not merge</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Merging…</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Correct the chosen stay…</source>
        <translation>Correct the chosen stay…</translation>
    </message>
    <message>
        <source>Add an earlier stay…</source>
        <translation>Add an earlier stay…</translation>
    </message>
    <message>
        <source>Merge duplicate records…</source>
        <translation>Merge duplicate records…</translation>
    </message>
    <message>
        <source>Health-insurance cards and rooms over time</source>
        <translation>Health-insurance cards and rooms over time</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>Place of first registration</source>
        <translation>Place of first registration</translation>
    </message>
    <message>
        <source>No health-insurance card recorded.</source>
        <translation>No health-insurance card recorded.</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>Rooms: %1</source>
        <translation>Rooms: %1</translation>
    </message>
    <message>
        <source>Rooms: none recorded.</source>
        <translation>Rooms: none recorded.</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Discharge…</translation>
    </message>
    <message>
        <source>Discharged on %1: %2.</source>
        <translation>Discharged on %1: %2.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profile saved.</translation>
    </message>
    <message>
        <source>Re-admit…</source>
        <translation>Re-admit…</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Stays</translation>
    </message>
    <message>
        <source>Kind of stay</source>
        <translation>Kind of stay</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Stays (%1)</source>
        <translation>Stays (%1)</translation>
    </message>
</context>
<context>
    <name>RecordCharts</name>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Blood glucose</translation>
    </message>
    <message>
        <source>No measurements recorded yet.</source>
        <translation>No measurements recorded yet.</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Systolic</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolic</translation>
    </message>
    <message>
        <source>systolic: normal %1–%2</source>
        <translation>systolic: normal %1–%2</translation>
    </message>
    <message>
        <source>diastolic: normal %1–%2</source>
        <translation>diastolic: normal %1–%2</translation>
    </message>
    <message>
        <source>normal %1–%2</source>
        <translation>normal %1–%2</translation>
    </message>
    <message>
        <source>fasting: normal %1–%2</source>
        <translation>fasting: normal %1–%2</translation>
    </message>
    <message>
        <source>Barthel index</source>
        <translation>Barthel index</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>Barthel</source>
        <translation>Barthel</translation>
    </message>
    <message>
        <source>independent or nearly (91–100)</source>
        <translation>independent or nearly (91–100)</translation>
    </message>
    <message>
        <source>No Barthel score recorded yet.</source>
        <translation>No Barthel score recorded yet.</translation>
    </message>
</context>
<context>
    <name>RecordFeedback</name>
    <message>
        <source>Something went wrong and nothing was saved. Try again; if it happens again, tell the IT officer (the details are in the log).</source>
        <translation>Something went wrong and nothing was saved. Try again; if it happens again, tell the IT officer (the details are in the log).</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Not saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>Cannot open the record</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <source>You have typed information that is not saved yet. Close the form and discard it?</source>
        <translation>You have typed information that is not saved yet. Close the form and discard it?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number; type digits only, for example 36,8.</source>
        <translation>%1: “%2” is not a number; type digits only, for example 36,8.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number.</source>
        <translation>%1: “%2” is not a whole number.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date; type day/month/year, for example 20/11/2026.</source>
        <translation>%1: “%2” is not a date; type day/month/year, for example 20/11/2026.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Not saved: correct the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>RecordHistory</name>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Screened for</source>
        <translation>Screened for</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>Isolation</translation>
    </message>
    <message>
        <source>Outcome note</source>
        <translation>Outcome note</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Checkup of %1; reason: %2</source>
        <translation>Checkup of %1; reason: %2</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>Admitted the resident</source>
        <translation>Admitted the resident</translation>
    </message>
    <message>
        <source>Changed the profile</source>
        <translation>Changed the profile</translation>
    </message>
    <message>
        <source>Recorded a checkup</source>
        <translation>Recorded a checkup</translation>
    </message>
    <message>
        <source>Corrected a checkup</source>
        <translation>Corrected a checkup</translation>
    </message>
    <message>
        <source>Cancelled a checkup entered by mistake</source>
        <translation>Cancelled a checkup entered by mistake</translation>
    </message>
    <message>
        <source>Added a chronic condition</source>
        <translation>Added a chronic condition</translation>
    </message>
    <message>
        <source>Updated a chronic condition</source>
        <translation>Updated a chronic condition</translation>
    </message>
    <message>
        <source>Recorded a rehabilitation session</source>
        <translation>Recorded a rehabilitation session</translation>
    </message>
    <message>
        <source>Corrected a rehabilitation session</source>
        <translation>Corrected a rehabilitation session</translation>
    </message>
    <message>
        <source>Referred to a hospital</source>
        <translation>Referred to a hospital</translation>
    </message>
    <message>
        <source>Closed a referral</source>
        <translation>Closed a referral</translation>
    </message>
    <message>
        <source>Re-admitted the resident (a new stay)</source>
        <translation>Re-admitted the resident (a new stay)</translation>
    </message>
    <message>
        <source>Corrected a stay</source>
        <translation>Corrected a stay</translation>
    </message>
    <message>
        <source>Recorded an earlier stay</source>
        <translation>Recorded an earlier stay</translation>
    </message>
</context>
<context>
    <name>RecordTables</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Corrected: earlier versions are kept</source>
        <translation>Corrected: earlier versions are kept</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>Resp.</source>
        <translation>Resp.</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation>ICD-10</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Onset</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>Temp.</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Glucose</source>
        <translation>Glucose</translation>
    </message>
    <message>
        <source>Next
due</source>
        <translation>Next
due</translation>
    </message>
    <message>
        <source>Follow-up
every (days)</source>
        <translation>Follow-up
every (days)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Therapist</translation>
    </message>
    <message>
        <source>Barthel</source>
        <translation>Barthel</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>BMI-for-age (WHO 2006): z = %1</source>
        <translation>BMI-for-age (WHO 2006): z = %1</translation>
    </message>
</context>
<context>
    <name>ReferralCloseForm</name>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Diagnosis and treatment at the hospital, advice on return</source>
        <translation>Diagnosis and treatment at the hospital, advice on return</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Close referral (Ctrl+S)</source>
        <translation>Close referral (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Close the referral of %1 to %2</source>
        <translation>Close the referral of %1 to %2</translation>
    </message>
</context>
<context>
    <name>ReferralOpenForm</name>
    <message>
        <source>e.g. Lạng Sơn General Hospital</source>
        <translation>e.g. Lạng Sơn General Hospital</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Diagnosis (ICD-10, optional)</source>
        <translation>Diagnosis (ICD-10, optional)</translation>
    </message>
    <message>
        <source>Save referral (Ctrl+S)</source>
        <translation>Save referral (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Refer to a hospital</source>
        <translation>Refer to a hospital</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Refer to a hospital</source>
        <translation>Refer to a hospital</translation>
    </message>
    <message>
        <source>Close the selected referral</source>
        <translation>Close the selected referral</translation>
    </message>
    <message>
        <source>First click a line in the table.</source>
        <translation>First click a line in the table.</translation>
    </message>
    <message>
        <source>No referral to a hospital recorded.</source>
        <translation>No referral to a hospital recorded.</translation>
    </message>
    <message>
        <source>Referral to %1 closed.</source>
        <translation>Referral to %1 closed.</translation>
    </message>
    <message>
        <source>Referral to %1 saved.</source>
        <translation>Referral to %1 saved.</translation>
    </message>
</context>
<context>
    <name>RehabForm</name>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>0 = fully dependent, 100 = independent in daily activities</source>
        <translation>0 = fully dependent, 100 = independent in daily activities</translation>
    </message>
    <message>
        <source>What was done and what progress was seen</source>
        <translation>What was done and what progress was seen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type of rehabilitation</source>
        <translation>Type of rehabilitation</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Therapist</translation>
    </message>
    <message>
        <source>Barthel index</source>
        <translation>Barthel index</translation>
    </message>
    <message>
        <source>0–100, optional</source>
        <translation>0–100, optional</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>Save session (Ctrl+S)</source>
        <translation>Save session (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>New rehabilitation session</source>
        <translation>New rehabilitation session</translation>
    </message>
    <message>
        <source>Correct the session of %1</source>
        <translation>Correct the session of %1</translation>
    </message>
</context>
<context>
    <name>RehabTab</name>
    <message>
        <source>New session</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>Correct the selected session</source>
        <translation>Correct the selected session</translation>
    </message>
    <message>
        <source>First click a line in the table.</source>
        <translation>First click a line in the table.</translation>
    </message>
    <message>
        <source>No rehabilitation session recorded yet.</source>
        <translation>No rehabilitation session recorded yet.</translation>
    </message>
    <message>
        <source>Session of %1 corrected.</source>
        <translation>Session of %1 corrected.</translation>
    </message>
    <message>
        <source>Session of %1 saved.</source>
        <translation>Session of %1 saved.</translation>
    </message>
</context>
<context>
    <name>ResidentRecordWidget</name>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Checkups</source>
        <translation>Checkups</translation>
    </message>
    <message>
        <source>Chronic conditions</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <source>Rehabilitation</source>
        <translation>Rehabilitation</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>This record cannot be shown.</source>
        <translation>This record cannot be shown.</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Code %1</translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n year(s))</source>
        <translation>
            <numerusform>born %1 (%n year)</numerusform>
            <numerusform>born %1 (%n years)</numerusform>
        </translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>room %1</translation>
    </message>
    <message>
        <source>admitted %1</source>
        <translation>admitted %1</translation>
    </message>
    <message>
        <source>Discharged on %1 (%2)</source>
        <translation>Discharged on %1 (%2)</translation>
    </message>
    <message>
        <source>Health-insurance card expired on %1</source>
        <translation>Health-insurance card expired on %1</translation>
    </message>
    <message>
        <source>Checkup overdue since %1</source>
        <translation>Checkup overdue since %1</translation>
    </message>
    <message>
        <source>No checkup recorded yet</source>
        <translation>No checkup recorded yet</translation>
    </message>
    <message>
        <source>At the hospital: %1</source>
        <translation>At the hospital: %1</translation>
    </message>
    <message>
        <source>Record a new checkup (Ctrl+K)</source>
        <translation>Record a new checkup (Ctrl+K)</translation>
    </message>
    <message>
        <source>Add a chronic condition (Ctrl+B)</source>
        <translation>Add a chronic condition (Ctrl+B)</translation>
    </message>
    <message>
        <source>Record a rehabilitation session (Ctrl+H)</source>
        <translation>Record a rehabilitation session (Ctrl+H)</translation>
    </message>
    <message>
        <source>Refer the resident to a hospital (Ctrl+T)</source>
        <translation>Refer the resident to a hospital (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of this checkup</source>
        <translation>Versions of this checkup</translation>
    </message>
    <message>
        <source>Oldest first. A correction never erases the earlier version.</source>
        <translation>Oldest first. A correction never erases the earlier version.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RoundIntakeTable</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>RoundsWindow</name>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Nursing rounds</source>
        <translation>Nursing rounds</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>New round</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>Add the round</source>
        <translation>Add the round</translation>
    </message>
    <message>
        <source>Load the province's list and admit…</source>
        <translation>Load the province's list and admit…</translation>
    </message>
    <message>
        <source>Discharge the whole round…</source>
        <translation>Discharge the whole round…</translation>
    </message>
    <message>
        <source>Intake checkups: type each person's vital signs across; Enter or Tab moves on, leaving a row saves it.</source>
        <translation>Intake checkups: type each person's vital signs across; Enter or Tab moves on, leaving a row saves it.</translation>
    </message>
    <message>
        <source>The province's list of people for the round</source>
        <translation>The province's list of people for the round</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Discharge the whole round</source>
        <translation>Discharge the whole round</translation>
    </message>
    <message>
        <source>Discharge everyone</source>
        <translation>Discharge everyone</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Intake checkups</source>
        <translation>Intake checkups</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>No round yet this year.</source>
        <translation>No round yet this year.</translation>
    </message>
    <message>
        <source>The year's quota is a whole number of stays, for example 300.</source>
        <translation>The year's quota is a whole number of stays, for example 300.</translation>
    </message>
    <message>
        <source>Enter the round's first and last day.</source>
        <translation>Enter the round's first and last day.</translation>
    </message>
    <message>
        <source>Round no.</source>
        <translation>Round no.</translation>
    </message>
    <message>
        <source>Year's quota</source>
        <translation>Year's quota</translation>
    </message>
    <message>
        <source>Type the dates as day/month/year, for example 04/05/2026.</source>
        <translation>Type the dates as day/month/year, for example 04/05/2026.</translation>
    </message>
    <message>
        <source>Admitted to round %1: %2</source>
        <translation>Admitted to round %1: %2</translation>
    </message>
    <message>
        <source>Discharged from round %1: %2</source>
        <translation>Discharged from round %1: %2</translation>
    </message>
    <message>
        <source>Everyone of round %1 still in the centre leaves on %2 (returned home). Their records stay; they can come again in a later round.</source>
        <translation>Everyone of round %1 still in the centre leaves on %2 (returned home). Their records stay; they can come again in a later round.</translation>
    </message>
    <message>
        <source>Quota for %1 not entered yet; %2 stays in its rounds.</source>
        <translation>Quota for %1 not entered yet; %2 stays in its rounds.</translation>
    </message>
    <message>
        <source>Round %1: %2 to %3</source>
        <translation>Round %1: %2 to %3</translation>
    </message>
    <message>
        <source>Quota for %1: %2 stays; used by the rounds: %3 (%4).</source>
        <translation>Quota for %1: %2 stays; used by the rounds: %3 (%4).</translation>
    </message>
</context>
<context>
    <name>RoundListDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <source>Merit category</source>
        <translation>Merit category</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>new record</translation>
    </message>
    <message>
        <source>Round %1: the province's list</source>
        <translation>Round %1: the province's list</translation>
    </message>
    <message>
        <source>Admit %1 people</source>
        <translation>Admit %1 people</translation>
    </message>
    <message>
        <source>known: %1 (%2)</source>
        <translation>known: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 people: %2 already have a record, %3 new.</source>
        <translation>%1 people: %2 already have a record, %3 new.</translation>
    </message>
</context>
<context>
    <name>RoundActions</name>
    <message>
        <source>Nursing &amp;rounds…</source>
        <translation>Nursing &amp;rounds…</translation>
    </message>
    <message>
        <source>Rounds of rotating nursing stays: the province's list, admission, intake checkups, discharge</source>
        <translation>Rounds of rotating nursing stays: the province's list, admission, intake checkups, discharge</translation>
    </message>
</context>
<context>
    <name>PersonMatchPanel</name>
    <message>
        <source>This person is already on record. Open the old record instead of making a second one.</source>
        <translation>This person is already on record. Open the old record instead of making a second one.</translation>
    </message>
    <message>
        <source>Someone on record may be this person. Check before saving:</source>
        <translation>Someone on record may be this person. Check before saving:</translation>
    </message>
    <message>
        <source>left on %1</source>
        <translation>left on %1</translation>
    </message>
    <message>
        <source>here now</source>
        <translation>here now</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>Admit again</source>
        <translation>Admit again</translation>
    </message>
</context>
<context>
    <name>ReadmitForm</name>
    <message>
        <source>e.g. 15/2026/QĐ-TA</source>
        <translation>e.g. 15/2026/QĐ-TA</translation>
    </message>
    <message>
        <source>Date of re-admission</source>
        <translation>Date of re-admission</translation>
    </message>
    <message>
        <source>Kind of stay</source>
        <translation>Kind of stay</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Court decision number</source>
        <translation>Court decision number</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>Re-admit (Ctrl+S)</source>
        <translation>Re-admit (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>ReadmitDialog</name>
    <message>
        <source>Re-admit the resident</source>
        <translation>Re-admit the resident</translation>
    </message>
    <message>
        <source>%1 comes back: a new stay is added to the same record; the earlier stays and everything recorded stay as they are.</source>
        <translation>%1 comes back: a new stay is added to the same record; the earlier stays and everything recorded stay as they are.</translation>
    </message>
</context>
<context>
    <name>StayForm</name>
    <message>
        <source>— none —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>e.g. 15/2026/QĐ-TA</source>
        <translation>e.g. 15/2026/QĐ-TA</translation>
    </message>
    <message>
        <source>Kind of stay</source>
        <translation>Kind of stay</translation>
    </message>
    <message>
        <source>Admitted on</source>
        <translation>Admitted on</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <source>Court decision number</source>
        <translation>Court decision number</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <source>Correct a stay</source>
        <translation>Correct a stay</translation>
    </message>
    <message>
        <source>Add an earlier stay</source>
        <translation>Add an earlier stay</translation>
    </message>
    <message>
        <source>A stay %1 had before the current one, from the paper file: it goes before the current stay and changes nothing else.</source>
        <translation>A stay %1 had before the current one, from the paper file: it goes before the current stay and changes nothing else.</translation>
    </message>
    <message>
        <source>Correct what was typed wrong. The latest stay's dates are the record's own admission and discharge, and change with it.</source>
        <translation>Correct what was typed wrong. The latest stay's dates are the record's own admission and discharge, and change with it.</translation>
    </message>
</context>
</TS>
