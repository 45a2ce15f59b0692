-- Demo province: Thành phố Huế after the 1 July 2025 reorganisation (province and communes, no districts).
-- Codes follow the electronic identity code format of Decision 20/2020/QĐ-TTg; they are demo values.
insert into agency (code, name, short_name, kind, parent_code, address, phone, email, effective_from) values
('000.00.00.H57', 'Ủy ban nhân dân thành phố Huế', 'UBND thành phố Huế', 'PROVINCE', null, '16 Lê Lợi, phường Thuận Hóa, thành phố Huế', '0234 3822 502', 'ubnd@hue.gov.vn', '1989-07-01'),
('000.00.01.H57', 'Văn phòng Ủy ban nhân dân thành phố Huế', 'Văn phòng UBND', 'DEPARTMENT', '000.00.00.H57', '16 Lê Lợi, phường Thuận Hóa', '0234 3822 513', 'vpubnd@hue.gov.vn', '1989-07-01'),
('000.00.11.H57', 'Sở Tư pháp thành phố Huế', 'Sở Tư pháp', 'DEPARTMENT', '000.00.00.H57', '01 Tôn Đức Thắng, phường Thuận Hóa', '0234 3821 341', 'stp@hue.gov.vn', '1989-07-01'),
('000.00.12.H57', 'Sở Tài chính thành phố Huế', 'Sở Tài chính', 'DEPARTMENT', '000.00.00.H57', '02 Tôn Đức Thắng, phường Thuận Hóa', '0234 3822 378', 'stc@hue.gov.vn', '1989-07-01'),
('000.00.13.H57', 'Sở Công Thương thành phố Huế', 'Sở Công Thương', 'DEPARTMENT', '000.00.00.H57', '07 Lê Lợi, phường Thuận Hóa', '0234 3822 421', 'sct@hue.gov.vn', '1989-07-01'),
('000.00.14.H57', 'Sở Xây dựng thành phố Huế', 'Sở Xây dựng', 'DEPARTMENT', '000.00.00.H57', '02 Lê Lai, phường Thuận Hóa', '0234 3822 669', 'sxd@hue.gov.vn', '1989-07-01'),
('000.00.15.H57', 'Sở Nông nghiệp và Môi trường thành phố Huế', 'Sở Nông nghiệp và Môi trường', 'DEPARTMENT', '000.00.00.H57', '34 Hoàng Diệu, phường Phú Xuân', '0234 3522 312', 'snnmt@hue.gov.vn', '2025-03-01'),
('000.00.16.H57', 'Sở Nội vụ thành phố Huế', 'Sở Nội vụ', 'DEPARTMENT', '000.00.00.H57', '31 Nguyễn Huệ, phường Thuận Hóa', '0234 3822 484', 'snv@hue.gov.vn', '1989-07-01'),
('000.00.17.H57', 'Sở Y tế thành phố Huế', 'Sở Y tế', 'DEPARTMENT', '000.00.00.H57', '28 Lê Lợi, phường Thuận Hóa', '0234 3822 170', 'syt@hue.gov.vn', '1989-07-01'),
('000.00.18.H57', 'Sở Giáo dục và Đào tạo thành phố Huế', 'Sở Giáo dục và Đào tạo', 'DEPARTMENT', '000.00.00.H57', '22 Lê Lợi, phường Thuận Hóa', '0234 3822 376', 'sgddt@hue.gov.vn', '1989-07-01'),
('000.00.19.H57', 'Sở Văn hóa, Thể thao và Du lịch thành phố Huế', 'Sở Văn hóa, Thể thao và Du lịch', 'DEPARTMENT', '000.00.00.H57', '24 Lê Lợi, phường Thuận Hóa', '0234 3822 523', 'svhttdl@hue.gov.vn', '2025-03-01'),
('000.00.20.H57', 'Sở Khoa học và Công nghệ thành phố Huế', 'Sở Khoa học và Công nghệ', 'DEPARTMENT', '000.00.00.H57', '26 Hà Nội, phường Thuận Hóa', '0234 3822 643', 'skhcn@hue.gov.vn', '1989-07-01'),
('000.00.21.H57', 'Công an thành phố Huế', 'Công an thành phố', 'DEPARTMENT', '000.00.00.H57', '50 Trần Cao Vân, phường Thuận Hóa', '0234 3822 315', 'ca@hue.gov.vn', '1989-07-01'),
('000.15.22.H57', 'Văn phòng Đăng ký đất đai thành phố Huế', 'Văn phòng Đăng ký đất đai', 'UNIT', '000.00.15.H57', '34 Hoàng Diệu, phường Phú Xuân', '0234 3527 868', 'vpdkdd@hue.gov.vn', '2025-03-01'),
('000.16.23.H57', 'Trung tâm Dịch vụ việc làm thành phố Huế', 'Trung tâm Dịch vụ việc làm', 'UNIT', '000.00.16.H57', '41 Lý Thường Kiệt, phường Thuận Hóa', '0234 3821 456', 'ttdvvl@hue.gov.vn', '2025-03-01'),
('000.00.30.H57', 'Trung tâm Phục vụ hành chính công thành phố Huế', 'Trung tâm Phục vụ hành chính công', 'SERVICE_CENTRE', '000.00.00.H57', '01 Lê Lai, phường Thuận Hóa', '0234 3868 999', 'hcc@hue.gov.vn', '2019-01-01'),
('000.31.01.H57', 'Ủy ban nhân dân phường Thuận Hóa', 'Phường Thuận Hóa', 'COMMUNE', '000.00.00.H57', '02 Tôn Đức Thắng, phường Thuận Hóa', '0234 3833 001', 'thuanhoa@hue.gov.vn', '2025-07-01'),
('000.31.02.H57', 'Ủy ban nhân dân phường Phú Xuân', 'Phường Phú Xuân', 'COMMUNE', '000.00.00.H57', '09 Lê Huân, phường Phú Xuân', '0234 3833 002', 'phuxuan@hue.gov.vn', '2025-07-01'),
('000.31.03.H57', 'Ủy ban nhân dân phường Kim Long', 'Phường Kim Long', 'COMMUNE', '000.00.00.H57', '152 Kim Long, phường Kim Long', '0234 3833 003', 'kimlong@hue.gov.vn', '2025-07-01'),
('000.31.04.H57', 'Ủy ban nhân dân phường Vỹ Dạ', 'Phường Vỹ Dạ', 'COMMUNE', '000.00.00.H57', '71 Nguyễn Sinh Cung, phường Vỹ Dạ', '0234 3833 004', 'vyda@hue.gov.vn', '2025-07-01'),
('000.31.05.H57', 'Ủy ban nhân dân phường An Cựu', 'Phường An Cựu', 'COMMUNE', '000.00.00.H57', '30 Phan Chu Trinh, phường An Cựu', '0234 3833 005', 'ancuu@hue.gov.vn', '2025-07-01'),
('000.31.06.H57', 'Ủy ban nhân dân phường Thủy Xuân', 'Phường Thủy Xuân', 'COMMUNE', '000.00.00.H57', '08 Minh Mạng, phường Thủy Xuân', '0234 3833 006', 'thuyxuan@hue.gov.vn', '2025-07-01'),
('000.31.07.H57', 'Ủy ban nhân dân phường Hương Thủy', 'Phường Hương Thủy', 'COMMUNE', '000.00.00.H57', '1160 Nguyễn Tất Thành, phường Hương Thủy', '0234 3833 007', 'huongthuy@hue.gov.vn', '2025-07-01'),
('000.31.08.H57', 'Ủy ban nhân dân phường Hương Trà', 'Phường Hương Trà', 'COMMUNE', '000.00.00.H57', '01 Cách Mạng Tháng Tám, phường Hương Trà', '0234 3833 008', 'huongtra@hue.gov.vn', '2025-07-01'),
('000.31.09.H57', 'Ủy ban nhân dân phường Phong Điền', 'Phường Phong Điền', 'COMMUNE', '000.00.00.H57', '25 Văn Lang, phường Phong Điền', '0234 3833 009', 'phongdien@hue.gov.vn', '2025-07-01'),
('000.31.10.H57', 'Ủy ban nhân dân xã Phú Vang', 'Xã Phú Vang', 'COMMUNE', '000.00.00.H57', 'Thôn Lương Viện, xã Phú Vang', '0234 3833 010', 'phuvang@hue.gov.vn', '2025-07-01'),
('000.31.11.H57', 'Ủy ban nhân dân xã Phú Lộc', 'Xã Phú Lộc', 'COMMUNE', '000.00.00.H57', 'Quốc lộ 1A, xã Phú Lộc', '0234 3833 011', 'phuloc@hue.gov.vn', '2025-07-01'),
('000.31.12.H57', 'Ủy ban nhân dân xã Quảng Điền', 'Xã Quảng Điền', 'COMMUNE', '000.00.00.H57', 'Đường Nguyễn Vịnh, xã Quảng Điền', '0234 3833 012', 'quangdien@hue.gov.vn', '2025-07-01'),
('000.31.13.H57', 'Ủy ban nhân dân xã A Lưới 2', 'Xã A Lưới 2', 'COMMUNE', '000.00.00.H57', 'Đường Hồ Chí Minh, xã A Lưới 2', '0234 3833 013', 'aluoi2@hue.gov.vn', '2025-07-01');

-- A unit merged in 2025 keeps its row and history, with its successor.
insert into agency (code, name, short_name, kind, parent_code, effective_from, effective_to, successor_code) values
('000.00.09.H57', 'Sở Kế hoạch và Đầu tư tỉnh Thừa Thiên Huế', 'Sở Kế hoạch và Đầu tư (cũ)', 'DEPARTMENT', '000.00.00.H57', '1989-07-01', '2025-02-28', '000.00.12.H57');

insert into counter (agency_code, number, name) values
('000.00.30.H57', 1, 'Quầy 1 — Tư pháp'),
('000.00.30.H57', 2, 'Quầy 2 — Tài chính, đăng ký kinh doanh'),
('000.00.30.H57', 3, 'Quầy 3 — Nông nghiệp và Môi trường, đất đai'),
('000.00.30.H57', 4, 'Quầy 4 — Xây dựng'),
('000.00.30.H57', 5, 'Quầy 5 — Nội vụ, Y tế, Giáo dục'),
('000.00.30.H57', 6, 'Quầy 6 — Công Thương, Văn hóa, Khoa học'),
('000.31.01.H57', 1, 'Quầy 1 — Hộ tịch, chứng thực'),
('000.31.01.H57', 2, 'Quầy 2 — Đất đai, xây dựng, kinh doanh'),
('000.31.02.H57', 1, 'Quầy 1 — Hộ tịch, chứng thực'),
('000.31.02.H57', 2, 'Quầy 2 — Các lĩnh vực khác'),
('000.31.10.H57', 1, 'Quầy 1 — Tiếp nhận và trả kết quả');

insert into staff (username, agency_code, title, counter_id) values
('reception', '000.31.01.H57', 'Công chức một cửa', (select id from counter where agency_code = '000.31.01.H57' and number = 1)),
('specialist', '000.31.01.H57', 'Công chức Tư pháp - Hộ tịch', null),
('leader', '000.31.01.H57', 'Phó Chủ tịch Ủy ban nhân dân phường', null),
('agency-admin', '000.31.01.H57', 'Quản trị hệ thống phường', null),
('admin', '000.00.00.H57', 'Quản trị hệ thống thành phố', null);
