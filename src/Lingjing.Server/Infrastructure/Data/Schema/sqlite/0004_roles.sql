-- The five fixed roles (ids as in Features/Accounts/RoleIds.cs). Created by the schema rather than at
-- start-up, so nodes starting together on a new database cannot race to insert them.
INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
  ('00000000-0000-0000-0000-00000000A001', 'Government', 'GOVERNMENT', 'a001'),
  ('00000000-0000-0000-0000-00000000A002', 'ParkOperator', 'PARKOPERATOR', 'a002'),
  ('00000000-0000-0000-0000-00000000A003', 'EnterpriseAdmin', 'ENTERPRISEADMIN', 'a003'),
  ('00000000-0000-0000-0000-00000000A004', 'EnterpriseMember', 'ENTERPRISEMEMBER', 'a004'),
  ('00000000-0000-0000-0000-00000000A005', 'Employee', 'EMPLOYEE', 'a005');
