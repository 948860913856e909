-- Indexes for the pages that must stay fast at statewide size (see docs/benchmarks.md).
create index recruit_officer_idx on recruit (officer_id, enrolled_at);
-- prefix search on the hiring board ("okaf" finds Okafor) in any collation
create index candidate_last_name_prefix_idx on candidate (lower(last_name) text_pattern_ops);
create index candidate_first_name_prefix_idx on candidate (lower(first_name) text_pattern_ops);
create index candidate_email_prefix_idx on candidate (email text_pattern_ops);
create index officer_status_name_idx on officer (status, last_name, first_name);
