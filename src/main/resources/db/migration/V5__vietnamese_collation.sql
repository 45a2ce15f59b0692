-- Vietnamese alphabetical order (a ă â b c d đ e ê ...) for lists people read. ICU provides it; a PostgreSQL built
-- without ICU falls back to byte order rather than failing.
do $$
begin
    create collation motcua_vi (provider = icu, locale = 'vi');
exception when others then
    create collation motcua_vi from "C";
end
$$;
