-- A patron's page lists the shipments whose frozen member lists hold the patron (Membership.frozenDeliveries), and
-- erasure finds the same rows: by patron, which the primary key (shipment, patron) cannot serve. Without this index
-- every patron page read the whole table (a million rows at national scale, 200 ms).
CREATE INDEX shipment_member_patron_ix ON shipment_member (patron_id);
