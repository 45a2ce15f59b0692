-- What the SMS gateway reports after it took a message: delivered to the phone, or not.
alter table notification_delivery
    add column receipt       varchar(12) check (receipt in ('DELIVERED', 'UNDELIVERED')),
    add column receipt_at    timestamptz,           -- when it was delivered or given up, as the gateway says
    add column receipt_error text;                  -- the gateway's reason for an undelivered message
-- A receipt names the gateway's message id.
create index notification_delivery_message_idx on notification_delivery (provider_message_id)
    where channel = 'SMS' and provider_message_id is not null;
-- The administrator's delivery log, newest first within a period.
create index notification_delivery_created_idx on notification_delivery (created_at);
