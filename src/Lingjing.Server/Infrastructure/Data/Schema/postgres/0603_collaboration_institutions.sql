-- Service institutions take part in collaboration (issue 14, point 2): an institution publishes offers, is proposed
-- agreements and rates them, through its staff (the InstitutionStaff role, users.institution_id). An offer and the
-- partner of an agreement are therefore an enterprise or an institution, exactly one of them; a rating names the side
-- that gave it (client or partner) instead of the rater's enterprise.
INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
  ('00000000-0000-0000-0000-00000000a006', 'InstitutionStaff', 'INSTITUTIONSTAFF', 'a006');
ALTER TABLE users ADD COLUMN institution_id integer;

ALTER TABLE collaboration_offers ALTER COLUMN enterprise_id DROP NOT NULL;
ALTER TABLE collaboration_offers ADD COLUMN institution_id integer;
ALTER TABLE collaboration_offers ADD CONSTRAINT ck_collaboration_offers_one_owner CHECK ((enterprise_id IS NULL) <> (institution_id IS NULL));
ALTER TABLE collaboration_offers ADD CONSTRAINT fk_collaboration_offers_institutions_institution_id
    FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE;
CREATE INDEX ix_collaboration_offers_institution_id ON collaboration_offers (institution_id);

ALTER TABLE collaboration_agreements ALTER COLUMN partner_enterprise_id DROP NOT NULL;
ALTER TABLE collaboration_agreements ADD COLUMN partner_institution_id integer;
ALTER TABLE collaboration_agreements ADD CONSTRAINT ck_collaboration_agreements_one_partner
    CHECK ((partner_enterprise_id IS NULL) <> (partner_institution_id IS NULL));
ALTER TABLE collaboration_agreements ADD CONSTRAINT fk_collaboration_agreements_institutions_partner_institution_id
    FOREIGN KEY (partner_institution_id) REFERENCES institutions (id) ON DELETE RESTRICT;
CREATE INDEX ix_collaboration_agreements_partner_institution_id_status ON collaboration_agreements (partner_institution_id, status);

ALTER TABLE collaboration_agreement_ratings ADD COLUMN side text;
UPDATE collaboration_agreement_ratings r SET side = CASE WHEN r.rater_enterprise_id = a.client_enterprise_id THEN 'client' ELSE 'partner' END
FROM collaboration_agreements a WHERE a.id = r.agreement_id;
ALTER TABLE collaboration_agreement_ratings ALTER COLUMN side SET NOT NULL;
DROP INDEX ix_collaboration_agreement_ratings_agreement_rater;
ALTER TABLE collaboration_agreement_ratings DROP COLUMN rater_enterprise_id;
CREATE UNIQUE INDEX ix_collaboration_agreement_ratings_agreement_id_side ON collaboration_agreement_ratings (agreement_id, side);
ALTER TABLE collaboration_agreement_ratings ALTER COLUMN rated_enterprise_id DROP NOT NULL;
ALTER TABLE collaboration_agreement_ratings ADD COLUMN rated_institution_id integer;
CREATE INDEX ix_collaboration_agreement_ratings_rated_institution_id ON collaboration_agreement_ratings (rated_institution_id);
