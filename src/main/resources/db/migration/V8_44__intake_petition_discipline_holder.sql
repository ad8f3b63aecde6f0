-- Which 纪委监委 a transferred petition is with now (issue 13 §1 and 转办): the body of referral's current receiver
-- when that receiver is a 纪委监委, NULL when the petition is not transferred or is with another receiver (组织部, a
-- department). Set by intake.TransferablePetitions.markTransferred and changed by markRedirected (referral's 转办),
-- it is what intake's DISCIPLINE read rule keys on: a 转办 away from the 纪委 ends its reading of the petition,
-- a 转办 to another body's 纪委 starts that one's. No foreign key: the body belongs to the organization module.
ALTER TABLE petition ADD COLUMN discipline_body_id BIGINT;
-- Petitions transferred before this column keep the reading the old rule gave them (disposed to the 纪委 and
-- transferred: the 纪委 of the inspection's body), from intake's own tables.
UPDATE petition SET discipline_body_id = (SELECT i.body_id FROM intake_inspection i
                                          WHERE i.inspection_id = petition.inspection_id)
WHERE transferred_at IS NOT NULL AND disposition = 'DISCIPLINE';
