-- A petition disposed to another body (转纪委监委信访室 / 转其他部门) is transferred once by its body's office through
-- the referral module (issue 13 §1): intake.TransferablePetitions.markTransferred sets these two columns, once;
-- transferred_to is the receiver as the letter names it. Nothing else of the petition changes: intake keeps its
-- own status and the rule that the team closes a petition transferred to the 纪委 only after its outcome is in.
ALTER TABLE petition ADD COLUMN transferred_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE petition ADD COLUMN transferred_to VARCHAR(200);
