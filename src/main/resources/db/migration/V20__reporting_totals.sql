-- The monthly counts with every procedure added together (procedure ''): the index of a province over a year reads a
-- few thousand rows of agency and channel instead of every procedure's.
create table report_month_total (like report_day including all);
insert into report_month_total (day, agency, procedure, channel, submitted, received, handled, early, on_time, late, refused, withdrawn, waiting, returned, supplement_requests, transferred, digitised, reused, e_results, results_to_store, fee_paid, paid_online, amount, amount_online, ratings, ratings_unsatisfied, petitions, petitions_on_dossiers, petitions_closed, petitions_on_time, petitions_rated, petitions_satisfied)
select day, agency, '', channel, sum(submitted), sum(received), sum(handled), sum(early), sum(on_time), sum(late), sum(refused), sum(withdrawn), sum(waiting), sum(returned), sum(supplement_requests), sum(transferred), sum(digitised), sum(reused), sum(e_results), sum(results_to_store), sum(fee_paid), sum(paid_online), sum(amount), sum(amount_online), sum(ratings), sum(ratings_unsatisfied), sum(petitions), sum(petitions_on_dossiers), sum(petitions_closed), sum(petitions_on_time), sum(petitions_rated), sum(petitions_satisfied)
from report_month group by day, agency, channel;

-- Which procedures were used online in a period (a dossier received online, a fee paid online): read from these
-- partial indexes alone. The condition must stay exactly ReportStore.USED_ONLINE.
create index report_month_used_online_idx on report_month (day) include (agency, procedure, channel, received, paid_online)
    where (received > 0 and channel in ('ONLINE', 'NATIONAL_PORTAL') or paid_online > 0);
create index report_day_used_online_idx on report_day (day) include (agency, procedure, channel, received, paid_online)
    where (received > 0 and channel in ('ONLINE', 'NATIONAL_PORTAL') or paid_online > 0);
