<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>QColorDialog</name>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="39" />
            <source>Select Color</source>
            <translation>Chọn màu</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="36" />
            <source>Look in:</source>
            <translation>Tìm trong:</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="37" />
            <source>File &amp;name:</source>
            <translation>&amp;Tên tệp:</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="38" />
            <source>Files of type:</source>
            <translation>Loại tệp:</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="22" />
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="23" />
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="24" />
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="25" />
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="26" />
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="27" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="28" />
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="10" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="11" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="12" />
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="13" />
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="14" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="15" />
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="16" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="17" />
            <source>Discard</source>
            <translation>Bỏ</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="18" />
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="19" />
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="20" />
            <source>Reset</source>
            <translation>Đặt lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="21" />
            <source>Restore Defaults</source>
            <translation>Khôi phục mặc định</translation>
        </message>
    </context>
    <context>
        <name>QUndoStack</name>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="40" />
            <source>Undo %1</source>
            <translation>Hoàn tác %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="41" />
            <source>Redo %1</source>
            <translation>Làm lại %1</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="29" />
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="30" />
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="31" />
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="32" />
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="33" />
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="34" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="../../app/ui/qt_strings.py" line="35" />
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="55" />
            <source>New Project from Template</source>
            <translation>Dự án mới từ mẫu</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="56" />
            <source>New Map from Template</source>
            <translation>Bản đồ mới từ mẫu</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="63" />
            <source>No stages: start from scratch</source>
            <translation>Không có giai đoạn: bắt đầu từ đầu</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="82" />
            <source>Content &amp;language:</source>
            <translation>&amp;Ngôn ngữ nội dung:</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="83" />
            <source>Project &amp;title:</source>
            <translation>&amp;Tên dự án:</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="86" />
            <source>Map &amp;name:</source>
            <translation>&amp;Tên bản đồ:</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="92" />
            <source>Create</source>
            <translation>Tạo</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="96" />
            <source>&amp;Template:</source>
            <translation>&amp;Mẫu:</translation>
        </message>
        <message>
            <location filename="../../app/ui/template_dialog.py" line="117" />
            <source>No stages: start from scratch.</source>
            <translation>Không có giai đoạn: bắt đầu từ đầu.</translation>
        </message>
    </context>
    <context>
        <name>canvas</name>
        <message>
            <location filename="../../app/canvas/actions.py" line="84" />
            <location filename="../../app/canvas/menus.py" line="96" />
            <source>Cut</source>
            <translation>Cắt</translation>
        </message>
        <message>
            <location filename="../../app/canvas/actions.py" line="91" />
            <source>Add a stage and a lane before pasting.</source>
            <translation>Hãy thêm giai đoạn và làn trước khi dán.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/actions.py" line="103" />
            <source>The clipboard holds nothing to paste.</source>
            <translation>Bộ nhớ tạm không có gì để dán.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/actions.py" line="121" />
            <source>Add a stage and a lane first.</source>
            <translation>Hãy thêm giai đoạn và làn trước.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="80" />
            <source>Add a stage here</source>
            <translation>Thêm giai đoạn tại đây</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="85" />
            <source>Add a lane here</source>
            <translation>Thêm làn tại đây</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="88" />
            <source>Add a stage first: drag “Stage” from the palette.</source>
            <translation>Hãy thêm giai đoạn trước: kéo “Giai đoạn” từ bảng công cụ.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="90" />
            <source>Add a lane first: drag a lane from the palette.</source>
            <translation>Hãy thêm làn trước: kéo một làn từ bảng công cụ.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="99" />
            <source>The emotions lane holds emotion markers: drop a face here.</source>
            <translation>Làn cảm xúc chứa điểm cảm xúc: hãy thả một khuôn mặt vào đây.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="106" />
            <source>Add a card to “{0}”</source>
            <translation>Thêm thẻ vào “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="108" />
            <source>This card becomes a “{0}” card: the lane decides the kind.</source>
            <translation>Thẻ này trở thành thẻ “{0}”: làn quyết định loại thẻ.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="138" />
            <source>Add an Emotions lane first: markers live there.</source>
            <translation>Hãy thêm làn Cảm xúc trước: điểm cảm xúc nằm ở đó.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/drops.py" line="145" />
            <source>Add an emotion of {0:+d} here</source>
            <translation>Thêm cảm xúc {0:+d} tại đây</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="52" />
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="54" />
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="56" />
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="58" />
            <source>&amp;Duplicate</source>
            <translation>&amp;Nhân bản</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="60" />
            <source>De&amp;lete</source>
            <translation>&amp;Xoá</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="62" />
            <source>Select &amp;All</source>
            <translation>Chọn &amp;tất cả</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="64" />
            <source>Add &amp;Card</source>
            <translation>Thê&amp;m thẻ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="73" />
            <source>Lin&amp;k Selected Cards</source>
            <translation>Nố&amp;i các thẻ đã chọn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="74" />
            <source>Zoom &amp;In</source>
            <translation>Phóng &amp;to</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="76" />
            <source>Zoom &amp;Out</source>
            <translation>Thu &amp;nhỏ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="78" />
            <source>&amp;100 %</source>
            <translation>&amp;100 %</translation>
        </message>
        <message>
            <location filename="../../app/canvas/edit_actions.py" line="80" />
            <source>&amp;Fit to Window</source>
            <translation>&amp;Vừa cửa sổ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/editor.py" line="142" />
            <source>Edit text</source>
            <translation>Sửa chữ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="156" />
            <source>The emotions lane holds emotion markers, not cards.</source>
            <translation>Làn cảm xúc chứa điểm cảm xúc, không chứa thẻ.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="233" />
            <source>Move stage</source>
            <translation>Di chuyển giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="255" />
            <source>Move lane</source>
            <translation>Di chuyển làn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="410" />
            <source>Moved into “{0}”: the lane decides how the card shows.</source>
            <translation>Đã chuyển vào “{0}”: làn quyết định cách thẻ hiển thị.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="413" />
            <source>the channel (shown in touchpoint lanes)</source>
            <translation>kênh (hiện trong làn điểm chạm)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="415" />
            <source>the severity (shown in pain lanes)</source>
            <translation>mức độ nghiêm trọng (hiện trong làn điểm đau)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="417" />
            <source>the figures (shown in metric lanes)</source>
            <translation>số liệu (hiện trong làn chỉ số)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/gestures.py" line="419" />
            <source>Kept: {0}.</source>
            <translation>Vẫn giữ: {0}.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="32" />
            <source>Very negative</source>
            <translation>Rất tiêu cực</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="32" />
            <source>Negative</source>
            <translation>Tiêu cực</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="32" />
            <source>Neutral</source>
            <translation>Trung lập</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="32" />
            <source>Positive</source>
            <translation>Tích cực</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="33" />
            <source>Very positive</source>
            <translation>Rất tích cực</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="39" />
            <source>Observed</source>
            <translation>Quan sát được</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="39" />
            <source>Assumed</source>
            <translation>Giả định</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="40" />
            <source>Proposed</source>
            <translation>Đề xuất</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="62" />
            <source>Flow</source>
            <translation>Luồng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="62" />
            <source>Loop back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="62" />
            <source>Branch</source>
            <translation>Rẽ nhánh</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="63" />
            <source>Handoff</source>
            <translation>Chuyển giao</translation>
        </message>
        <message>
            <location filename="../../app/canvas/i18n.py" line="63" />
            <source>Dependency</source>
            <translation>Phụ thuộc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/items/headers.py" line="213" />
            <source>No persona yet — double-click to choose</source>
            <translation>Chưa có chân dung — nhấp đúp để chọn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/linking.py" line="108" />
            <source>Drop on a card or a stage header to link.</source>
            <translation>Thả lên một thẻ hoặc tiêu đề giai đoạn để nối.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/linking.py" line="128" />
            <source>Select two cards to link them.</source>
            <translation>Hãy chọn hai thẻ để nối chúng.</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="31" />
            <source>Touchpoints</source>
            <translation>Điểm chạm</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="31" />
            <source>Actions</source>
            <translation>Hành động</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="32" />
            <source>Thoughts</source>
            <translation>Suy nghĩ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="32" />
            <source>Emotions</source>
            <translation>Cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="33" />
            <source>Pains</source>
            <translation>Điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="33" />
            <source>Opportunities</source>
            <translation>Cơ hội</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="34" />
            <source>Backstage</source>
            <translation>Hậu trường</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="34" />
            <source>Metrics</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="35" />
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="81" />
            <source>Add emotion here</source>
            <translation>Thêm cảm xúc tại đây</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="81" />
            <source>Add card here</source>
            <translation>Thêm thẻ tại đây</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="83" />
            <source>Paste</source>
            <translation>Dán</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="94" />
            <location filename="../../app/canvas/menus.py" line="181" />
            <source>Duplicate</source>
            <translation>Nhân bản</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="95" />
            <location filename="../../app/canvas/menus.py" line="182" />
            <source>Copy</source>
            <translation>Sao chép</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="98" />
            <location filename="../../app/canvas/menus.py" line="184" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="103" />
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="108" />
            <source>Change connector kind</source>
            <translation>Đổi loại kết nối</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="110" />
            <source>Assumed (dashed)</source>
            <translation>Giả định (nét đứt)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="111" />
            <source>Change assumed</source>
            <translation>Đổi trạng thái giả định</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="115" />
            <location filename="../../app/canvas/menus.py" line="116" />
            <source>Delete connector</source>
            <translation>Xoá kết nối</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="121" />
            <source>Edit title</source>
            <translation>Sửa tiêu đề</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="122" />
            <source>Edit details</source>
            <translation>Sửa chi tiết</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="124" />
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="129" />
            <source>Change channel</source>
            <translation>Đổi kênh</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="133" />
            <source>Favourite touchpoint</source>
            <translation>Điểm chạm được yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="134" />
            <source>Favourite</source>
            <translation>Yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="138" />
            <source>Severity</source>
            <translation>Mức độ nghiêm trọng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="139" />
            <source>1 — minor</source>
            <translation>1 — nhỏ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="139" />
            <source>2 — serious</source>
            <translation>2 — nghiêm trọng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="140" />
            <source>3 — blocks the journey</source>
            <translation>3 — chặn hành trình</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="143" />
            <source>Change severity</source>
            <translation>Đổi mức độ nghiêm trọng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="145" />
            <source>Evidence</source>
            <translation>Bằng chứng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="146" />
            <source>Not set</source>
            <translation>Chưa đặt</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="147" />
            <location filename="../../app/canvas/menus.py" line="153" />
            <source>Change evidence</source>
            <translation>Đổi bằng chứng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="156" />
            <source>Add card below</source>
            <translation>Thêm thẻ bên dưới</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="173" />
            <source>Edit label</source>
            <translation>Sửa nhãn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="174" />
            <source>Score</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="178" />
            <source>Change emotion</source>
            <translation>Đổi cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="198" />
            <location filename="../../app/canvas/menus.py" line="226" />
            <source>Rename</source>
            <translation>Đổi tên</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="199" />
            <source>Add stage before</source>
            <translation>Thêm giai đoạn phía trước</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="200" />
            <source>Add stage after</source>
            <translation>Thêm giai đoạn phía sau</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="201" />
            <source>Colour</source>
            <translation>Màu</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="204" />
            <source>Change colour</source>
            <translation>Đổi màu</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="209" />
            <source>Duplicate stage</source>
            <translation>Nhân bản giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="212" />
            <location filename="../../app/canvas/menus.py" line="213" />
            <source>Delete stage</source>
            <translation>Xoá giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="227" />
            <source>Lane kind</source>
            <translation>Loại làn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="230" />
            <source>Change lane kind</source>
            <translation>Đổi loại làn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="233" />
            <source>Add lane above</source>
            <translation>Thêm làn phía trên</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="234" />
            <source>Add lane below</source>
            <translation>Thêm làn phía dưới</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="238" />
            <source>Collapse</source>
            <translation>Thu gọn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="238" />
            <source>Expand</source>
            <translation>Mở rộng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="239" />
            <source>Collapse lane</source>
            <translation>Thu gọn làn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/menus.py" line="242" />
            <location filename="../../app/canvas/menus.py" line="243" />
            <source>Delete lane</source>
            <translation>Xoá làn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="67" />
            <source>Drag onto the map, or click to add at the current cell</source>
            <translation>Kéo vào bản đồ, hoặc nhấp để thêm vào ô hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="127" />
            <source>Structure</source>
            <translation>Cấu trúc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="129" />
            <source>Stage</source>
            <translation>Giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="133" />
            <source>Emotion curve</source>
            <translation>Đường cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="136" />
            <source>A lane of %1: drag onto the map, or click to add one</source>
            <translation>Một làn %1: kéo vào bản đồ, hoặc bấm để thêm</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="139" />
            <source>Cards</source>
            <translation>Thẻ</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="147" />
            <source>Channels (touchpoints)</source>
            <translation>Kênh (điểm chạm)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="155" />
            <source>A touchpoint card on %1</source>
            <translation>Thẻ điểm chạm qua %1</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="156" />
            <source>Emotion markers</source>
            <translation>Điểm cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/palette.py" line="162" />
            <source>An emotion marker, %1: drop it on the emotion curve</source>
            <translation>Điểm cảm xúc %1: thả vào đường cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="21" />
            <location filename="../../app/canvas/tooltips.py" line="35" />
            <source>(untitled)</source>
            <translation>(chưa đặt tên)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="26" />
            <source>{0}: {1} → {2}</source>
            <translation>{0}: {1} → {2}</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="30" />
            <source>(assumed)</source>
            <translation>(giả định)</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="41" />
            <source>Channel: {0}</source>
            <translation>Kênh: {0}</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="43" />
            <source>Severity: {0} of 3</source>
            <translation>Mức độ nghiêm trọng: {0}/3</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="45" />
            <source>Value: {0} {1}</source>
            <translation>Giá trị: {0} {1}</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="48" />
            <source>Target: {0}</source>
            <translation>Mục tiêu: {0}</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="49" />
            <source>Owner</source>
            <translation>Người phụ trách</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="49" />
            <source>Priority</source>
            <translation>Mức ưu tiên</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="50" />
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="54" />
            <source>Evidence: {0}</source>
            <translation>Bằng chứng: {0}</translation>
        </message>
        <message>
            <location filename="../../app/canvas/tooltips.py" line="56" />
            <source>★ Favourite touchpoint</source>
            <translation>★ Điểm chạm được yêu thích</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/canvas/actions.py" line="205" />
            <source>Deleted %n item(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/canvas/actions.py" line="76" />
            <source>Copied %n item(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/canvas/actions.py" line="202" />
            <source>Stage “%1” deleted with %n item(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/canvas/actions.py" line="203" />
            <source>Lane “%1” deleted with %n item(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/canvas/actions.py" line="111" />
            <source>Pasted %n item(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SavedViews</name>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="73" />
            <source>De&amp;lete</source>
            <translation>&amp;Xoá</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="68" />
            <source>Move &amp;Up</source>
            <translation>Chuyển &amp;lên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="38" />
            <source>hides left-out cards</source>
            <translation>ẩn các thẻ bị lọc ra</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="38" />
            <source>dims left-out cards</source>
            <translation>làm mờ các thẻ bị lọc ra</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="40" />
            <source>no filter</source>
            <translation>không lọc</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="42" />
            <source>%1 lanes hidden</source>
            <translation>ẩn %1 làn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="43" />
            <source>fit to window</source>
            <translation>vừa cửa sổ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="44" />
            <source>zoom %1 %</source>
            <translation>thu phóng %1 %</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="56" />
            <source>Saved Views</source>
            <translation>Chế độ xem đã lưu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="60" />
            <source>Views of this map, in the order of the menu:</source>
            <translation>Các chế độ xem của bản đồ này, theo thứ tự trong menu:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="67" />
            <source>&amp;Rename…</source>
            <translation>Đổi &amp;tên…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="69" />
            <source>Move &amp;Down</source>
            <translation>Chuyển x&amp;uống</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="70" />
            <source>Update to &amp;Current</source>
            <translation>&amp;Cập nhật theo hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="72" />
            <source>Keep the filter, hidden lanes and zoom shown now</source>
            <translation>Giữ bộ lọc, các làn đang ẩn và mức thu phóng đang hiển thị</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="137" />
            <source>Rename View</source>
            <translation>Đổi tên chế độ xem</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/views_dialog.py" line="137" />
            <source>New name:</source>
            <translation>Tên mới:</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="51" />
            <source>&amp;Save Current View…</source>
            <translation>&amp;Lưu chế độ xem hiện tại…</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="53" />
            <source>&amp;Manage Views…</source>
            <translation>&amp;Quản lý chế độ xem…</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="57" />
            <location filename="../../app/ui/saved_views.py" line="112" />
            <location filename="../../app/ui/saved_views.py" line="154" />
            <source>View %1</source>
            <translation>Chế độ xem %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="61" />
            <source>Saved Vie&amp;ws</source>
            <translation>Chế độ &amp;xem đã lưu</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="117" />
            <source>No saved views</source>
            <translation>Chưa có chế độ xem nào</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="155" />
            <source>Save Current View</source>
            <translation>Lưu chế độ xem hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="156" />
            <source>Name of the view:</source>
            <translation>Tên chế độ xem:</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="173" />
            <source>Saved the view “%1”.</source>
            <translation>Đã lưu chế độ xem “%1”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="247" />
            <source>View: %1</source>
            <translation>Chế độ xem: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/saved_views.py" line="249" />
            <source>View: %1 (changed)</source>
            <translation>Chế độ xem: %1 (đã thay đổi)</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <location filename="../../app/document/operations.py" line="57" />
            <source>Edit text</source>
            <translation>Sửa chữ</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="319" />
            <source>Paste</source>
            <translation>Dán</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="342" />
            <source>Duplicate</source>
            <translation>Nhân bản</translation>
        </message>
        <message>
            <location filename="../../app/document/commands.py" line="130" />
            <location filename="../../app/document/operations.py" line="287" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="../../app/document/commands.py" line="111" />
            <source>Add</source>
            <translation>Thêm</translation>
        </message>
        <message>
            <location filename="../../app/document/commands.py" line="148" />
            <location filename="../../app/document/operations.py" line="82" />
            <source>Reorder</source>
            <translation>Sắp xếp lại</translation>
        </message>
        <message>
            <location filename="../../app/document/commands.py" line="182" />
            <location filename="../../app/document/operations.py" line="52" />
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="67" />
            <source>Add stage</source>
            <translation>Thêm giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="76" />
            <source>Add lane</source>
            <translation>Thêm làn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="87" />
            <source>Resize stage</source>
            <translation>Đổi chiều rộng giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="94" />
            <source>Resize lane</source>
            <translation>Đổi chiều cao làn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="183" />
            <source>Add card</source>
            <translation>Thêm thẻ</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="208" />
            <location filename="../../app/document/operations.py" line="223" />
            <source>Move card</source>
            <translation>Di chuyển thẻ</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="223" />
            <source>Move cards</source>
            <translation>Di chuyển các thẻ</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="231" />
            <source>Add emotion</source>
            <translation>Thêm cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="238" />
            <source>Move emotion</source>
            <translation>Di chuyển cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="378" />
            <source>Add map</source>
            <translation>Thêm bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="384" />
            <source>New map</source>
            <translation>Bản đồ mới</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="391" />
            <source>Duplicate map</source>
            <translation>Nhân bản bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="401" />
            <source>Create future state</source>
            <translation>Tạo trạng thái tương lai</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="406" />
            <source>Add persona</source>
            <translation>Thêm chân dung</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="412" />
            <source>Add channel</source>
            <translation>Thêm kênh</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="419" />
            <source>Take snapshot</source>
            <translation>Chụp ảnh lưu</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="433" />
            <source>Restore snapshot</source>
            <translation>Khôi phục ảnh lưu</translation>
        </message>
        <message>
            <location filename="../../app/document/operations.py" line="446" />
            <source>Import spreadsheet</source>
            <translation>Nhập bảng tính</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="51" />
            <source>A card cannot be linked to itself.</source>
            <translation>Không thể nối một thẻ với chính nó.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="53" />
            <source>A connector must start at a card of this map.</source>
            <translation>Đường nối phải bắt đầu từ một thẻ của bản đồ này.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="55" />
            <source>A connector must end at a card or a stage of this map.</source>
            <translation>Đường nối phải kết thúc ở một thẻ hoặc một giai đoạn của bản đồ này.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="58" />
            <source>These two are already linked this way.</source>
            <translation>Hai mục này đã được nối theo cách này.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="61" />
            <source>Add connector</source>
            <translation>Thêm đường nối</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="70" />
            <source>A saved view needs a name.</source>
            <translation>Chế độ xem đã lưu cần có tên.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="73" />
            <source>This map already has a view with that name.</source>
            <translation>Bản đồ này đã có một chế độ xem với tên đó.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="83" />
            <source>Save view</source>
            <translation>Lưu chế độ xem</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="90" />
            <source>Rename view</source>
            <translation>Đổi tên chế độ xem</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="97" />
            <source>Update view</source>
            <translation>Cập nhật chế độ xem</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="102" />
            <source>Reorder views</source>
            <translation>Sắp xếp lại chế độ xem</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="107" />
            <source>Delete view</source>
            <translation>Xoá chế độ xem</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="119" />
            <source>Start voting round</source>
            <translation>Bắt đầu vòng bình chọn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="125" />
            <source>Close voting round</source>
            <translation>Đóng vòng bình chọn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="130" />
            <source>Reopen voting round</source>
            <translation>Mở lại vòng bình chọn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="142" />
            <source>Vote</source>
            <translation>Bình chọn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="150" />
            <source>The round %1 is closed: reopen it to take dots.</source>
            <translation>Vòng %1 đã đóng: hãy mở lại để nhận thêm chấm.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="152" />
            <source>That card is not on this round's map.</source>
            <translation>Thẻ đó không nằm trên bản đồ của vòng này.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="154" />
            <source>%1 is not a participant of %2.</source>
            <translation>%1 không phải người tham gia vòng %2.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="157" />
            <source>The round %1 takes anonymous dots only.</source>
            <translation>Vòng %1 chỉ nhận chấm ẩn danh.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="159" />
            <source>No dots left in %1.</source>
            <translation>Đã hết chấm trong vòng %1.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="160" />
            <source>%1 has no dots left in %2.</source>
            <translation>%1 đã hết chấm trong vòng %2.</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="165" />
            <source>Remove vote</source>
            <translation>Bỏ phiếu bình chọn</translation>
        </message>
        <message>
            <location filename="../../app/document/operations_links.py" line="176" />
            <source>Clear votes</source>
            <translation>Xoá các phiếu bình chọn</translation>
        </message>
    </context>
    <context>
        <name>Names</name>
        <message>
            <location filename="../../app/ui/names.py" line="69" />
            <source>Very negative</source>
            <translation>Rất tiêu cực</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="70" />
            <source>Negative</source>
            <translation>Tiêu cực</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="71" />
            <source>Neutral</source>
            <translation>Trung lập</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="72" />
            <source>Positive</source>
            <translation>Tích cực</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="73" />
            <source>Very positive</source>
            <translation>Rất tích cực</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="60" />
            <source>Observed</source>
            <translation>Quan sát được</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="61" />
            <source>Assumed</source>
            <translation>Giả định</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="62" />
            <source>Proposed</source>
            <translation>Đề xuất</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="18" />
            <source>Touchpoints</source>
            <translation>Điểm chạm</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="19" />
            <source>Actions</source>
            <translation>Hành động</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="20" />
            <source>Thoughts</source>
            <translation>Suy nghĩ</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="21" />
            <source>Emotions</source>
            <translation>Cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="22" />
            <source>Pains</source>
            <translation>Điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="23" />
            <source>Opportunities</source>
            <translation>Cơ hội</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="24" />
            <source>Backstage</source>
            <translation>Hậu trường</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="25" />
            <source>Metrics</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="26" />
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="58" />
            <source>Not stated</source>
            <translation>Chưa nêu</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="36" />
            <source>Emotion</source>
            <translation>Cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="33" />
            <source>Touchpoint</source>
            <translation>Điểm chạm</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="34" />
            <source>Action</source>
            <translation>Hành động</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="35" />
            <source>Thought</source>
            <translation>Suy nghĩ</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="37" />
            <source>Pain point</source>
            <translation>Điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="38" />
            <source>Opportunity</source>
            <translation>Cơ hội</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="39" />
            <source>Backstage item</source>
            <translation>Mục hậu trường</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="40" />
            <source>Metric</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="41" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="47" />
            <source>Current state</source>
            <translation>Trạng thái hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="47" />
            <source>Future state</source>
            <translation>Trạng thái tương lai</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="52" />
            <source>current</source>
            <translation>hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="52" />
            <source>future</source>
            <translation>tương lai</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="79" />
            <source>Not rated</source>
            <translation>Chưa đánh giá</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="79" />
            <source>1 — Low</source>
            <translation>1 — Thấp</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="79" />
            <source>2 — Medium</source>
            <translation>2 — Trung bình</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="80" />
            <source>3 — High</source>
            <translation>3 — Cao</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="85" />
            <source>Critical</source>
            <translation>Khẩn cấp</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="85" />
            <source>High</source>
            <translation>Cao</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="85" />
            <source>Medium</source>
            <translation>Trung bình</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="85" />
            <source>Low</source>
            <translation>Thấp</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="90" />
            <source>Idea</source>
            <translation>Ý tưởng</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="90" />
            <source>Planned</source>
            <translation>Đã lên kế hoạch</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="90" />
            <source>In progress</source>
            <translation>Đang thực hiện</translation>
        </message>
        <message>
            <location filename="../../app/ui/names.py" line="90" />
            <source>Done</source>
            <translation>Hoàn thành</translation>
        </message>
    </context>
    <context>
        <name>Compare</name>
        <message>
            <location filename="../../app/ui/compare_window.py" line="81" />
            <source>Flow</source>
            <translation>Luồng</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="81" />
            <source>Loop back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="82" />
            <source>Branch</source>
            <translation>Rẽ nhánh</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="82" />
            <source>Handoff</source>
            <translation>Chuyển giao</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="83" />
            <source>Dependency</source>
            <translation>Phụ thuộc</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="491" />
            <source>Stage</source>
            <translation>Giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="496" />
            <source>(untitled)</source>
            <translation>(chưa đặt tên)</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="214" />
            <source>Before:</source>
            <translation>Trước:</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="491" />
            <source>Lane</source>
            <translation>Làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="67" />
            <source>title</source>
            <translation>tiêu đề</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="67" />
            <source>text</source>
            <translation>nội dung</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="67" />
            <source>channel</source>
            <translation>kênh</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="68" />
            <source>colour</source>
            <translation>màu</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="68" />
            <source>tags</source>
            <translation>nhãn phân loại</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="68" />
            <source>severity</source>
            <translation>mức độ nghiêm trọng</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="69" />
            <source>owner</source>
            <translation>người phụ trách</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="69" />
            <source>priority</source>
            <translation>mức ưu tiên</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="69" />
            <source>status</source>
            <translation>tình trạng</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="70" />
            <source>value</source>
            <translation>giá trị</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="70" />
            <source>unit</source>
            <translation>đơn vị</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="70" />
            <source>target</source>
            <translation>mục tiêu</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="71" />
            <source>evidence</source>
            <translation>bằng chứng</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="71" />
            <source>favourite</source>
            <translation>yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="71" />
            <source>span</source>
            <translation>độ trải dài</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="72" />
            <source>description</source>
            <translation>mô tả</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="72" />
            <source>width</source>
            <translation>chiều rộng</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="72" />
            <source>kind</source>
            <translation>loại</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="73" />
            <source>height</source>
            <translation>chiều cao</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="73" />
            <source>collapsed</source>
            <translation>thu gọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="73" />
            <source>score</source>
            <translation>điểm</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="74" />
            <source>label</source>
            <translation>nhãn</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="74" />
            <source>position</source>
            <translation>vị trí</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="74" />
            <source>assumed</source>
            <translation>giả định</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="75" />
            <source>start</source>
            <translation>điểm đầu</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="75" />
            <source>end</source>
            <translation>điểm cuối</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="110" />
            <source>{0} — snapshot “{1}”, {2}</source>
            <translation>{0} — ảnh lưu “{1}”, {2}</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="112" />
            <source>(missing)</source>
            <translation>(không tìm thấy)</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="200" />
            <source>Swap left and right</source>
            <translation>Hoán đổi hai bên</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="202" />
            <source>Side by Side</source>
            <translation>Cạnh nhau</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="204" />
            <source>Overlay</source>
            <translation>Chồng lớp</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="217" />
            <source>After:</source>
            <translation>Sau:</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="228" />
            <location filename="../../app/ui/compare_window.py" line="494" />
            <source>added</source>
            <translation>đã thêm</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="228" />
            <source>changed or moved</source>
            <translation>đã đổi hoặc đã chuyển</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="229" />
            <source>removed (ghost)</source>
            <translation>đã xoá (bóng mờ)</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="229" />
            <source>emotion before</source>
            <translation>cảm xúc trước đây</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="254" />
            <source>Emotion change per stage</source>
            <translation>Thay đổi cảm xúc theo giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="256" />
            <source>○ before · face after</source>
            <translation>○ là trước · khuôn mặt là sau</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="258" />
            <source>Differences</source>
            <translation>Khác biệt</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="286" />
            <source>Map: {0}</source>
            <translation>Bản đồ: {0}</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="288" />
            <source>Snapshot: {0}</source>
            <translation>Ảnh lưu: {0}</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="325" />
            <source>Compare — {0} ↔ {1}</source>
            <translation>So sánh — {0} ↔ {1}</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="329" />
            <source>One of the compared maps no longer exists.</source>
            <translation>Một trong hai bản đồ đang so sánh không còn tồn tại.</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="473" />
            <source>Emotion before: {0}</source>
            <translation>Cảm xúc trước: {0}</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="492" />
            <source>Card</source>
            <translation>Thẻ</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="492" />
            <source>Emotion</source>
            <translation>Cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="493" />
            <source>Connector</source>
            <translation>Liên kết</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="494" />
            <source>removed</source>
            <translation>đã xoá</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="495" />
            <source>changed</source>
            <translation>đã thay đổi</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="495" />
            <source>moved</source>
            <translation>đã di chuyển</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="501" />
            <source>(and moved)</source>
            <translation>(và đã di chuyển)</translation>
        </message>
        <message>
            <location filename="../../app/ui/compare_window.py" line="539" />
            <source>No differences.</source>
            <translation>Không có khác biệt.</translation>
        </message>
    </context>
    <context>
        <name>SheetImport</name>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="90" />
            <source>Pains</source>
            <translation>Điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="48" />
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="58" />
            <source>Favourite</source>
            <translation>Yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="50" />
            <source>Severity</source>
            <translation>Mức độ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="57" />
            <source>Evidence</source>
            <translation>Bằng chứng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="86" />
            <source>Score</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="44" />
            <source>Lane kind</source>
            <translation>Loại làn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="42" />
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="86" />
            <source>Stage</source>
            <translation>Giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="101" />
            <source>(untitled)</source>
            <translation>(chưa có tiêu đề)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="51" />
            <source>Owner</source>
            <translation>Người phụ trách</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="52" />
            <source>Priority</source>
            <translation>Ưu tiên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="53" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="91" />
            <source>Channels</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="253" />
            <source>Personas</source>
            <translation>Chân dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_reading.py" line="54" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_reading.py" line="66" />
            <source>Cancelling…</source>
            <translation>Đang huỷ…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="88" />
            <source>Age</source>
            <translation>Tuổi</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="89" />
            <source>Goals</source>
            <translation>Mục tiêu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="89" />
            <source>Motivations</source>
            <translation>Động lực</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="90" />
            <source>Behaviours</source>
            <translation>Hành vi</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="90" />
            <source>Interests</source>
            <translation>Sở thích</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="40" />
            <source>ID</source>
            <translation>Mã</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="41" />
            <source>Map</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="43" />
            <source>Lane</source>
            <translation>Làn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="45" />
            <source>Order</source>
            <translation>Thứ tự</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="46" />
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="47" />
            <source>Body</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="49" />
            <source>Tags</source>
            <translation>Thẻ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="54" />
            <source>Value</source>
            <translation>Giá trị</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="55" />
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="56" />
            <source>Target</source>
            <translation>Mục tiêu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="59" />
            <source>Span</source>
            <translation>Số giai đoạn trải</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="69" />
            <source>new place in its cell</source>
            <translation>đổi vị trí trong ô</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="72" />
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="73" />
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="72" />
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="73" />
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="86" />
            <source>Position</source>
            <translation>Vị trí</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="87" />
            <source>Label</source>
            <translation>Nhãn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="87" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="87" />
            <source>Description</source>
            <translation>Mô tả</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="88" />
            <source>Occupation</source>
            <translation>Nghề nghiệp</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="88" />
            <source>Quote</source>
            <translation>Câu nói</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="91" />
            <source>Photo</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="91" />
            <source>Photo type</source>
            <translation>Loại ảnh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="111" />
            <source>Match the Columns</source>
            <translation>Ghép các cột</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="114" />
            <source>Say which column of the spreadsheet holds what. Stage and Title are needed; columns left out are not imported.</source>
            <translation>Cho biết mỗi cột của bảng tính chứa gì. Cần có Giai đoạn và Tiêu đề; các cột bỏ qua sẽ không được nhập.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="128" />
            <source>(leave out)</source>
            <translation>(bỏ qua)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="162" />
            <source>Two columns are set to %1.</source>
            <translation>Có hai cột cùng được chọn là %1.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="165" />
            <source>Choose the column for %1.</source>
            <translation>Hãy chọn cột cho %1.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="187" />
            <source>Import %1</source>
            <translation>Nhập %1</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="194" />
            <source>This workbook was exported from another project: its cards are added as new cards.</source>
            <translation>Bảng tính này được xuất từ một dự án khác: các thẻ của nó sẽ được thêm thành thẻ mới.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="207" />
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="219" />
            <source>New map %1: %2 stages, %3 lanes, %4 cards</source>
            <translation>Bản đồ mới %1: %2 giai đoạn, %3 làn, %4 thẻ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="226" />
            <source>(new stage)</source>
            <translation>(giai đoạn mới)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="232" />
            <source>Add %1</source>
            <translation>Thêm %1</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="234" />
            <source>Change %1: %2</source>
            <translation>Sửa %1: %2</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="237" />
            <source>Remove %1 (not in the spreadsheet)</source>
            <translation>Xoá %1 (không còn trong bảng tính)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="240" />
            <source>Add emotion marker %1</source>
            <translation>Thêm điểm cảm xúc %1</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="244" />
            <source>Change emotion marker %1: %2</source>
            <translation>Sửa điểm cảm xúc %1: %2</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="249" />
            <source>Remove emotion marker %1 (not in the spreadsheet)</source>
            <translation>Xoá điểm cảm xúc %1 (không còn trong bảng tính)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="258" />
            <source>Add persona %1</source>
            <translation>Thêm chân dung %1</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="261" />
            <source>Change persona %1: %2</source>
            <translation>Sửa chân dung %1: %2</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="288" />
            <source>%1 cards added, %2 changed, %3 removed; %4 not in the spreadsheet kept.</source>
            <translation>Thêm %1 thẻ, sửa %2, xoá %3; giữ lại %4 thẻ không có trong bảng tính.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="297" />
            <source>Emotion markers: %1 added, %2 changed, %3 removed, %4 kept.</source>
            <translation>Điểm cảm xúc: thêm %1, sửa %2, xoá %3, giữ %4.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="303" />
            <source>Personas: %1 added, %2 changed.</source>
            <translation>Chân dung: thêm %1, sửa %2.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_import_dialog.py" line="310" />
            <source>The spreadsheet matches the project: nothing to change.</source>
            <translation>Bảng tính khớp với dự án: không có gì cần thay đổi.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_reading.py" line="48" />
            <location filename="../../app/ui/importing.py" line="31" />
            <source>Import Spreadsheet</source>
            <translation>Nhập bảng tính</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_reading.py" line="55" />
            <source>Reading “%1”…</source>
            <translation>Đang đọc “%1”…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/sheet_reading.py" line="68" />
            <source>Reading “%1”: %2 rows…</source>
            <translation>Đang đọc “%1”: %2 dòng…</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="88" />
            <source>Import spreadsheet</source>
            <translation>Nhập bảng tính</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="32" />
            <source>All files (*)</source>
            <translation>Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="32" />
            <source>Spreadsheets (*.xlsx *.csv)</source>
            <translation>Bảng tính (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="39" />
            <source>Import Failed</source>
            <translation>Nhập thất bại</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="40" />
            <source>“%1” could not be imported; the project is unchanged.</source>
            <translation>Không nhập được “%1”; dự án vẫn giữ nguyên.</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="56" />
            <source>Import cancelled; the project is unchanged.</source>
            <translation>Đã huỷ nhập; dự án không thay đổi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/importing.py" line="90" />
            <source>Imported %1</source>
            <translation>Đã nhập %1</translation>
        </message>
    </context>
    <context>
        <name>Insights</name>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="387" />
            <location filename="../../app/ui/insights_panel.py" line="491" />
            <source>Pains</source>
            <translation>Điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="238" />
            <location filename="../../app/ui/insights_panel.py" line="470" />
            <location filename="../../app/ui/insights_panel.py" line="490" />
            <source>Opportunities</source>
            <translation>Cơ hội</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="72" />
            <source>Not set</source>
            <translation>Chưa đặt</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="223" />
            <source>Channels</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="89" />
            <source>another path</source>
            <translation>lối đi khác</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="91" />
            <source>branch, not a drop</source>
            <translation>rẽ nhánh, không rời bỏ</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="204" />
            <source>Emotion by stage</source>
            <translation>Cảm xúc theo giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="204" />
            <source>Average score of the emotion markers, −2 to +2</source>
            <translation>Điểm trung bình của các điểm cảm xúc, từ −2 đến +2</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="209" />
            <source>Moments of truth</source>
            <translation>Khoảnh khắc quyết định</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="210" />
            <source>The deepest drops between consecutive markers</source>
            <translation>Những lần cảm xúc tụt sâu nhất giữa hai điểm liên tiếp</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="214" />
            <source>Pains by stage</source>
            <translation>Điểm đau theo giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="215" />
            <source>Number of pain points; darker means more severe</source>
            <translation>Số điểm đau; màu càng đậm càng nghiêm trọng</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="219" />
            <source>Favourite touchpoints</source>
            <translation>Điểm chạm được yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="224" />
            <source>Touchpoints per channel; ★ counts favourites</source>
            <translation>Số điểm chạm theo kênh; ★ là số điểm chạm được yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="228" />
            <source>Where customers step back</source>
            <translation>Nơi khách hàng quay lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="229" />
            <source>Loop-back connectors, with the pains of the stages they span</source>
            <translation>Các liên kết quay lại, kèm điểm đau của các giai đoạn chúng đi qua</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="233" />
            <source>Metrics funnel</source>
            <translation>Phễu chỉ số</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="234" />
            <source>Each stage's funnel metric: the share that goes on, and the drop-off (▼)</source>
            <translation>Chỉ số phễu của từng giai đoạn: tỉ lệ đi tiếp và tỉ lệ rời bỏ (▼)</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="239" />
            <source>By status</source>
            <translation>Theo tình trạng</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="241" />
            <source>By priority</source>
            <translation>Theo mức ưu tiên</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="250" />
            <source>Top voted</source>
            <translation>Được bình chọn nhiều nhất</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="314" />
            <source>No map</source>
            <translation>Chưa có bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="315" />
            <source>Open a map to see its insights.</source>
            <translation>Hãy mở một bản đồ để xem phân tích.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="326" />
            <source>average emotion {0}</source>
            <translation>cảm xúc trung bình {0}</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="343" />
            <source>Put emotion markers on the emotions lane to see how each stage feels.</source>
            <translation>Hãy đặt điểm cảm xúc lên làn cảm xúc để thấy khách hàng cảm nhận thế nào ở từng giai đoạn.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="359" />
            <source>No drop in emotion between consecutive markers.</source>
            <translation>Cảm xúc không tụt giữa các điểm cảm xúc liên tiếp.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="363" />
            <source>{0}: {1} pain points, severity total {2}, worst {3}</source>
            <translation>{0}: {1} điểm đau, tổng mức độ nghiêm trọng {2}, nặng nhất {3}</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="368" />
            <source>No pain points on this map.</source>
            <translation>Bản đồ này chưa có điểm đau nào.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="372" />
            <source>Heaviest: {0} ({1} pain points). Darker means more severe.</source>
            <translation>Nặng nhất: {0} ({1} điểm đau). Màu càng đậm càng nghiêm trọng.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="394" />
            <location filename="../../app/ui/insights_panel.py" line="412" />
            <source>and {0} more</source>
            <translation>và {0} mục khác</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="398" />
            <source>No loop-back connectors: draw one where customers return to an earlier step.</source>
            <translation>Chưa có liên kết quay lại: hãy vẽ một liên kết ở nơi khách hàng trở lại bước trước.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="416" />
            <source>Mark the touchpoints customers love with the favourite star.</source>
            <translation>Hãy gắn sao yêu thích cho những điểm chạm được khách hàng ưa chuộng.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="420" />
            <source>No channel</source>
            <translation>Không có kênh</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="424" />
            <source>{0}: {1} touchpoints, {2} favourites</source>
            <translation>{0}: {1} điểm chạm, {2} được yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="427" />
            <source>No touchpoint cards yet.</source>
            <translation>Chưa có thẻ điểm chạm nào.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="449" />
            <source>These metrics form no funnel (one unit, narrowing stage by stage); the PDF shows them against their targets.</source>
            <translation>Các chỉ số này không tạo thành phễu (cùng một đơn vị, thu hẹp dần qua từng giai đoạn); bản PDF so sánh chúng với mục tiêu.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="451" />
            <source>Add metric cards with values (visitors, conversion %) to see the funnel.</source>
            <translation>Hãy thêm thẻ chỉ số có giá trị (lượt truy cập, tỉ lệ chuyển đổi %) để xem phễu.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="472" />
            <source>No opportunities yet: add ideas on the opportunities lane.</source>
            <translation>Chưa có cơ hội nào: hãy thêm ý tưởng vào làn cơ hội.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="478" />
            <source>Dot voting: Map ▸ Dot Voting</source>
            <translation>Bình chọn bằng chấm: Bản đồ ▸ Bình chọn bằng chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="480" />
            <source>No dots yet: start a voting round to let the room choose.</source>
            <translation>Chưa có chấm nào: hãy bắt đầu một vòng bình chọn để cả phòng cùng chọn.</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="483" />
            <source>closed</source>
            <translation>đã đóng</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="483" />
            <source>open</source>
            <translation>đang mở</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="484" />
            <source>1 dot in all</source>
            <translation>tổng cộng 1 chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="485" />
            <source>{0} dots in all</source>
            <translation>tổng cộng {0} chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="487" />
            <source>Round “{0}”</source>
            <translation>Vòng “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/ui/insights_panel.py" line="491" />
            <source>Other cards</source>
            <translation>Thẻ khác</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/insights_panel.py" line="324" />
            <source>%n card(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/insights_panel.py" line="324" />
            <source>%n stage(s)</source>
            <translation>
                <numerusform>
                </numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="80" />
            <source>Opportunities</source>
            <translation>Cơ hội</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="79" />
            <source>Metrics</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="78" />
            <source>Cards</source>
            <translation>Thẻ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="78" />
            <source>Emotion markers</source>
            <translation>Điểm cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="79" />
            <source>Personas</source>
            <translation>Chân dung khách hàng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="80" />
            <source>Connectors</source>
            <translation>Kết nối</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="103" />
            <location filename="../../app/dialogs/export_dialog.py" line="251" />
            <location filename="../../app/dialogs/pdf_export_run.py" line="83" />
            <source>Export</source>
            <translation>Xuất</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="122" />
            <source>PDF document</source>
            <translation>Tài liệu PDF</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="122" />
            <source>PNG image (map in view)</source>
            <translation>Ảnh PNG (bản đồ đang xem)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="123" />
            <source>SVG drawing (map in view)</source>
            <translation>Bản vẽ SVG (bản đồ đang xem)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="124" />
            <source>Excel workbook (maps and tables)</source>
            <translation>Sổ làm việc Excel (bản đồ và các bảng)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="125" />
            <source>CSV table</source>
            <translation>Bảng CSV</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="127" />
            <source>&amp;Format:</source>
            <translation>&amp;Định dạng:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="131" />
            <source>&amp;Table:</source>
            <translation>Bả&amp;ng:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="138" />
            <source>&amp;Browse…</source>
            <translation>&amp;Duyệt…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="143" />
            <source>&amp;Save as:</source>
            <translation>&amp;Lưu thành:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="149" />
            <source>The language of the headings, page labels, numbers and dates the export adds; the map's own text is printed as written.</source>
            <translation>Ngôn ngữ của tiêu đề, nhãn trang, số và ngày tháng mà bản xuất thêm vào; nội dung của bản đồ được in đúng như đã viết.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="152" />
            <source>Lang&amp;uage:</source>
            <translation>Ngôn n&amp;gữ:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="155" />
            <source>Fit content (one page)</source>
            <translation>Vừa nội dung (một trang)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="157" />
            <source>&amp;Page size:</source>
            <translation>Khổ giấ&amp;y:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="159" />
            <source>&amp;Landscape</source>
            <translation>N&amp;gang</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="160" />
            <source>Po&amp;rtrait</source>
            <translation>Dọ&amp;c</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="164" />
            <source>Orientation:</source>
            <translation>Hướng giấy:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="167" />
            <source>Scaling</source>
            <translation>Tỉ lệ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="169" />
            <source>Legible (&amp;7 pt or more), as few pages as that takes</source>
            <translation>Dễ đọc (&amp;7 pt trở lên), ít trang nhất có thể</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="170" />
            <source>Fit the map on &amp;one page</source>
            <translation>Đặt vừa bản đồ trên &amp;một trang</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="172" />
            <source>Fit to &amp;N pages wide (tiled):</source>
            <translation>Vừa &amp;N trang chiều ngang (chia trang):</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="179" />
            <source>&amp;Actual size (tiled as needed)</source>
            <translation>&amp;Kích thước thật (chia trang khi cần)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="199" />
            <source>The first map page: the map's shapes and, on a poster, its tiles</source>
            <translation>Trang bản đồ đầu tiên: hình dạng của bản đồ và, với áp phích, các mảnh của nó</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="206" />
            <source>Pages</source>
            <translation>Trang</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="209" />
            <source>&amp;Cover</source>
            <translation>&amp;Trang bìa</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="209" />
            <source>P&amp;ersona</source>
            <translation>Chân d&amp;ung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="209" />
            <source>Le&amp;gend</source>
            <translation>C&amp;hú giải</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="210" />
            <source>&amp;Insights</source>
            <translation>&amp;Phân tích</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="215" />
            <source>Legen&amp;d strip under the map</source>
            <translation>Dải chú giải &amp;dưới bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="217" />
            <source>Half ticked: only when the map is on one sheet or the page is A2 or larger</source>
            <translation>Đánh dấu một nửa: chỉ khi bản đồ nằm trên một tờ hoặc trang từ A2 trở lên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="221" />
            <source>E&amp;xperience wheel page</source>
            <translation>Trang bánh &amp;xe trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="222" />
            <source>The map as a circle: before, during, after, with a face per stage, touchpoints and pains</source>
            <translation>Bản đồ dưới dạng vòng tròn: trước, trong và sau trải nghiệm, với khuôn mặt cảm xúc cho từng giai đoạn, các điểm chạm và điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="227" />
            <source>Maps</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="229" />
            <location filename="../../app/dialogs/export_dialog.py" line="443" />
            <source>All &amp;maps (one bookmark per map)</source>
            <translation>Tất cả &amp;bản đồ (mỗi bản đồ một dấu trang)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="247" />
            <source>&amp;Open the file when done</source>
            <translation>Mở tệp khi x&amp;ong</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="274" />
            <source>Compare page</source>
            <translation>Trang so sánh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="277" />
            <source>Compa&amp;re</source>
            <translation>&amp;So sánh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="279" />
            <source>Map: %1</source>
            <translation>Bản đồ: %1</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="281" />
            <source>Snapshot: %1 (%2)</source>
            <translation>Ảnh lưu: %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="295" />
            <source>Before:</source>
            <translation>Trước:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="296" />
            <source>Af&amp;ter:</source>
            <translation>Sa&amp;u:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="403" />
            <source>Export as</source>
            <translation>Xuất thành</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="441" />
            <source>All &amp;maps (one grid sheet per map)</source>
            <translation>Tất cả &amp;bản đồ (mỗi bản đồ một trang lưới)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/export_dialog.py" line="442" />
            <source>All &amp;maps (in one table)</source>
            <translation>Tất cả &amp;bản đồ (trong một bảng)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="19" />
            <source>Picture (PNG, SVG)</source>
            <translation>Ảnh (PNG, SVG)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="27" />
            <source>Pixels per map pixel: 2 is crisp on slides</source>
            <translation>Số điểm ảnh cho mỗi điểm ảnh của bản đồ: 2 là sắc nét trên slide</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="28" />
            <source>Scale:</source>
            <translation>Tỉ lệ:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="30" />
            <source>&amp;16:9 slide frame</source>
            <translation>Khung slide &amp;16:9</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="31" />
            <source>Title strip</source>
            <translation>Dải tiêu đề</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="32" />
            <source>Legend strip</source>
            <translation>Dải chú giải</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/image_options_box.py" line="33" />
            <source>Transparent bac&amp;kground</source>
            <translation>Nền trong suốt (&amp;K)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/page_preview.py" line="29" />
            <source>Card text %1 pt (smallest %2 pt), the map on one page · %3 pages in all</source>
            <translation>Chữ trên thẻ %1 pt (nhỏ nhất %2 pt), bản đồ trên một trang · tổng cộng %3 trang</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/page_preview.py" line="32" />
            <source>Card text %1 pt (smallest %2 pt), %3 tiles · %4 pages in all</source>
            <translation>Chữ trên thẻ %1 pt (nhỏ nhất %2 pt), %3 mảnh · tổng cộng %4 trang</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/page_preview.py" line="36" />
            <source>— below the legible 7 pt</source>
            <translation>— dưới mức dễ đọc 7 pt</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/pdf_export_run.py" line="82" />
            <source>Exporting PDF…</source>
            <translation>Đang xuất PDF…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/pdf_export_run.py" line="82" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/pdf_export_run.py" line="92" />
            <source>Cancelling…</source>
            <translation>Đang huỷ…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/pdf_export_run.py" line="125" />
            <source>Map “%1”: at this scale the smallest text prints at %2 pt, below the legible %3 pt. For larger text choose “Legible (7 pt or more)” or “Fit to N pages wide” under Scaling, or a larger page size.</source>
            <translation>Bản đồ “%1”: ở tỉ lệ này, chữ nhỏ nhất chỉ in cỡ %2 pt, dưới mức dễ đọc %3 pt. Để chữ lớn hơn, hãy chọn “Dễ đọc (7 pt trở lên)” hoặc “Vừa N trang chiều ngang” trong mục Tỉ lệ, hoặc chọn khổ giấy lớn hơn.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/pdf_export_run.py" line="132" />
            <source>Map “%1” is larger than the largest PDF page (200 inches); it was printed at %2 %.</source>
            <translation>Bản đồ “%1” lớn hơn trang PDF lớn nhất (200 inch); bản đồ đã được in ở %2 %.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/pdf_export_run.py" line="136" />
            <source>%1 character(s) the bundled font cannot print (emoji and other symbols) were replaced by %2.</source>
            <translation>%1 ký tự mà phông chữ đi kèm không in được (emoji và các ký hiệu khác) đã được thay bằng %2.</translation>
        </message>
    </context>
    <context>
        <name>MapsPanel</name>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="356" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="147" />
            <source>Rename</source>
            <translation>Đổi tên</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="280" />
            <source>A map needs a name.</source>
            <translation>Bản đồ cần có tên.</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="146" />
            <source>New Map from Template…</source>
            <translation>Bản đồ mới từ mẫu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="149" />
            <source>Duplicate Map</source>
            <translation>Nhân bản bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="151" />
            <source>Create Future State</source>
            <translation>Tạo trạng thái tương lai</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="153" />
            <source>Delete Map…</source>
            <translation>Xoá bản đồ…</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="155" />
            <source>Move Up</source>
            <translation>Chuyển lên</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="157" />
            <source>Move Down</source>
            <translation>Chuyển xuống</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="283" />
            <source>Rename map</source>
            <translation>Đổi tên bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="292" />
            <source>Reorder maps</source>
            <translation>Sắp xếp lại bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="351" />
            <source>Delete the map “%1”?</source>
            <translation>Xoá bản đồ “%1”?</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="353" />
            <source>Cards on it: %1.</source>
            <translation>Số thẻ trên đó: %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="354" />
            <source>Delete Map</source>
            <translation>Xoá bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="355" />
            <source>You can undo this with Edit ▸ Undo.</source>
            <translation>Bạn có thể hoàn tác bằng Sửa ▸ Hoàn tác.</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="358" />
            <source>Delete map</source>
            <translation>Xoá bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/maps_panel.py" line="366" />
            <source>Open</source>
            <translation>Mở</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <location filename="../../app/ui/inspector.py" line="257" />
            <source>Delete connector</source>
            <translation>Xoá kết nối</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="152" />
            <source>Stage</source>
            <translation>Giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="130" />
            <source>Map</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="163" />
            <source>Lane</source>
            <translation>Làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="153" />
            <location filename="../../app/ui/inspector.py" line="164" />
            <location filename="../../app/ui/inspector.py" line="181" />
            <source>&amp;Title:</source>
            <translation>&amp;Tiêu đề:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="188" />
            <source>favourite</source>
            <translation>yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="207" />
            <source>span</source>
            <translation>độ trải dài</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="169" />
            <source>collapsed</source>
            <translation>thu gọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="222" />
            <source>position</source>
            <translation>vị trí</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="232" />
            <source>assumed</source>
            <translation>giả định</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="213" />
            <source>Emotion</source>
            <translation>Cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="227" />
            <source>Connector</source>
            <translation>Kết nối</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="130" />
            <source>Select a stage, lane, card or emotion on the map to edit it here.</source>
            <translation>Chọn một giai đoạn, làn, thẻ hoặc cảm xúc trên bản đồ để sửa tại đây.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="132" />
            <source>&amp;Name:</source>
            <translation>&amp;Tên:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="133" />
            <location filename="../../app/ui/inspector.py" line="154" />
            <source>&amp;Description:</source>
            <translation>&amp;Mô tả:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="134" />
            <source>What this journey covers</source>
            <translation>Hành trình này bao gồm những gì</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="136" />
            <source>&amp;State:</source>
            <translation>&amp;Trạng thái:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="137" />
            <source>(no persona)</source>
            <translation>(chưa có chân dung)</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="138" />
            <source>&amp;Persona:</source>
            <translation>&amp;Chân dung:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="140" />
            <source>Emotion scale &amp;from:</source>
            <translation>Thang cảm xúc &amp;từ:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="141" />
            <location filename="../../app/ui/inspector.py" line="143" />
            <source>emotion scale</source>
            <translation>thang cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="142" />
            <source>Emotion scale &amp;to:</source>
            <translation>Thang cảm xúc đế&amp;n:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="147" />
            <source>Derived from:</source>
            <translation>Bắt nguồn từ:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="155" />
            <location filename="../../app/ui/inspector.py" line="201" />
            <source>&amp;Colour:</source>
            <translation>&amp;Màu:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="156" />
            <source>&amp;Width:</source>
            <translation>Chiều &amp;rộng:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="158" />
            <source>P&amp;hase:</source>
            <translation>Thời đ&amp;iểm:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="166" />
            <location filename="../../app/ui/inspector.py" line="229" />
            <source>&amp;Kind:</source>
            <translation>&amp;Loại:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="167" />
            <source>&amp;Height:</source>
            <translation>&amp;Chiều cao:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="169" />
            <source>C&amp;ollapsed</source>
            <translation>Thu &amp;gọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="182" />
            <source>&amp;Body:</source>
            <translation>&amp;Nội dung:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="182" />
            <source>Details, quotes, evidence…</source>
            <translation>Chi tiết, trích dẫn, bằng chứng…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="184" />
            <source>(no channel)</source>
            <translation>(không có kênh)</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="186" />
            <source>C&amp;hannel:</source>
            <translation>&amp;Kênh:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="187" />
            <source>&amp;Favourite touchpoint</source>
            <translation>Điểm chạm được &amp;yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="191" />
            <source>Se&amp;verity:</source>
            <translation>Mức độ &amp;nghiêm trọng:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="193" />
            <source>&amp;Owner:</source>
            <translation>&amp;Người phụ trách:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="193" />
            <source>Who takes it on</source>
            <translation>Ai đảm nhận</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="194" />
            <source>&amp;Priority:</source>
            <translation>Mức ư&amp;u tiên:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="196" />
            <source>St&amp;atus:</source>
            <translation>Tình &amp;trạng:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="198" />
            <source>&amp;Value:</source>
            <translation>&amp;Giá trị:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="199" />
            <source>&amp;Unit:</source>
            <translation>Đơn &amp;vị:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="199" />
            <source>%, s, points…</source>
            <translation>%, giây, điểm…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="200" />
            <source>Tar&amp;get:</source>
            <translation>&amp;Mục tiêu:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="200" />
            <source>optional</source>
            <translation>không bắt buộc</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="202" />
            <source>Ta&amp;gs:</source>
            <translation>&amp;Nhãn dán:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="204" />
            <source>&amp;Evidence:</source>
            <translation>&amp;Bằng chứng:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="206" />
            <source>&amp;Spans:</source>
            <translation>&amp;Trải dài:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="207" />
            <source> stage(s)</source>
            <translation> giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="217" />
            <source>&amp;Score:</source>
            <translation>Đ&amp;iểm:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="218" />
            <location filename="../../app/ui/inspector.py" line="230" />
            <source>&amp;Label:</source>
            <translation>&amp;Nhãn:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="218" />
            <source>What the customer feels</source>
            <translation>Khách hàng cảm thấy gì</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="220" />
            <source>S&amp;tage:</source>
            <translation>&amp;Giai đoạn:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="221" />
            <source>&amp;Position in stage:</source>
            <translation>&amp;Vị trí trong giai đoạn:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="230" />
            <source>What happens along it</source>
            <translation>Điều gì diễn ra trên đường nối này</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="231" />
            <source>&amp;Assumed (drawn dashed)</source>
            <translation>&amp;Giả định (vẽ nét đứt)</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="234" />
            <source>From:</source>
            <translation>Từ:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="234" />
            <source>To:</source>
            <translation>Đến:</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="253" />
            <source>&amp;Delete Connector</source>
            <translation>&amp;Xoá kết nối</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="388" />
            <source>Open a project to see its details here.</source>
            <translation>Mở một dự án để xem chi tiết tại đây.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="389" />
            <source>No map is open.</source>
            <translation>Chưa mở bản đồ nào.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="393" />
            <source>%1 items selected.</source>
            <translation>Đã chọn %1 mục.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector.py" line="394" />
            <source>Select one item to edit all its fields.</source>
            <translation>Chọn một mục để sửa mọi thuộc tính của nó.</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="96" />
            <source>Edit %s</source>
            <translation>Sửa %s</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="303" />
            <source>tag, another tag</source>
            <translation>nhãn, nhãn khác</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="335" />
            <source>Pick a colour…</source>
            <translation>Chọn màu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="338" />
            <source>default</source>
            <translation>mặc định</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="347" />
            <source>Use the lane's colour</source>
            <translation>Dùng màu của làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="365" />
            <source>Choose a Colour</source>
            <translation>Chọn màu</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="385" />
            <source>Before</source>
            <translation>Trước trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="385" />
            <source>During</source>
            <translation>Trong trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="386" />
            <source>After</source>
            <translation>Sau trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/ui/inspector_fields.py" line="409" />
            <source>Automatic (%1)</source>
            <translation>Tự động (%1)</translation>
        </message>
    </context>
    <context>
        <name>Filter</name>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="42" />
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="43" />
            <source>Severity</source>
            <translation>Mức độ nghiêm trọng</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="43" />
            <source>Evidence</source>
            <translation>Bằng chứng</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="42" />
            <source>Lane kind</source>
            <translation>Loại làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="44" />
            <source>Owner</source>
            <translation>Người phụ trách</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="44" />
            <source>Priority</source>
            <translation>Mức ưu tiên</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="44" />
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="201" />
            <source>from</source>
            <translation>từ</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="203" />
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="42" />
            <source>Tag</source>
            <translation>Nhãn</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="61" />
            <source>Hide left-out cards</source>
            <translation>Ẩn các thẻ bị lọc ra</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="63" />
            <source>Unticked: the cards the filter leaves out are dimmed</source>
            <translation>Khi không đánh dấu: các thẻ bị lọc ra được làm mờ</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="65" />
            <source>Clear</source>
            <translation>Xóa bộ lọc</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="71" />
            <source>View only: not saved in the file, not undoable.</source>
            <translation>Chỉ để xem: không lưu vào tệp, không hoàn tác được.</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="137" />
            <source>Lanes shown</source>
            <translation>Các làn hiển thị</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="181" />
            <source>Favourite touchpoints only</source>
            <translation>Chỉ điểm chạm được yêu thích</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="190" />
            <source>Emotion score</source>
            <translation>Điểm cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="198" />
            <source>any</source>
            <translation>bất kỳ</translation>
        </message>
        <message>
            <location filename="../../app/ui/filter_panel.py" line="279" />
            <source>Filter</source>
            <translation>Bộ lọc</translation>
        </message>
        <message>
            <location filename="../../app/ui/focus.py" line="218" />
            <source>Filter: %1 of %2 cards</source>
            <translation>Bộ lọc: %1 / %2 thẻ</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/ui/workspace.py" line="105" />
            <source>Expand</source>
            <translation>Mở rộng</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="353" />
            <source>Stage</source>
            <translation>Giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="43" />
            <source>Maps</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="354" />
            <source>Lane</source>
            <translation>Làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="49" />
            <source>&amp;Take Snapshot…</source>
            <translation>C&amp;hụp ảnh lưu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="72" />
            <location filename="../../app/ui/actions.py" line="80" />
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="74" />
            <location filename="../../app/ui/actions.py" line="81" />
            <source>Redo</source>
            <translation>Làm lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="49" />
            <source>&amp;New from Template…</source>
            <translation>&amp;Tạo mới từ mẫu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="50" />
            <source>&amp;Open…</source>
            <translation>&amp;Mở…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="51" />
            <source>Open from Ser&amp;ver…</source>
            <translation>Mở từ máy </translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="53" />
            <source>Save a Cop&amp;y As…</source>
            <translation>Lưu một &amp;bản sao thành…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="54" />
            <source>Pro&amp;ject Properties…</source>
            <translation>Thuộc tính &amp;dự án…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="57" />
            <source>&amp;PDF…</source>
            <translation>&amp;PDF…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="59" />
            <source>P&amp;NG Image…</source>
            <translation>Ảnh P&amp;NG…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="60" />
            <source>&amp;SVG Image…</source>
            <translation>Ảnh &amp;SVG…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="61" />
            <source>&amp;JSON…</source>
            <translation>&amp;JSON…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="63" />
            <source>Spreadsheet (&amp;XLSX)…</source>
            <translation>Bảng tính (&amp;XLSX)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="64" />
            <source>&amp;CSV Table…</source>
            <translation>Bảng &amp;CSV…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="65" />
            <source>&amp;Spreadsheet…</source>
            <translation>&amp;Bảng tính…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="67" />
            <source>&amp;Close</source>
            <translation>Đó&amp;ng</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="68" />
            <source>&amp;Quit</source>
            <translation>T&amp;hoát</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="88" />
            <source>F&amp;ind…</source>
            <translation>Tì&amp;m…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="90" />
            <source>Find &amp;Next</source>
            <translation>Tìm kết quả &amp;kế tiếp</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="92" />
            <source>Find Pre&amp;vious</source>
            <translation>Tìm kết quả t&amp;rước</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="94" />
            <source>Fi&amp;lter…</source>
            <translation>&amp;Lọc…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="97" />
            <source>Pre&amp;ferences…</source>
            <translation>T&amp;uỳ chọn…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="100" />
            <source>Add &amp;Stage</source>
            <translation>Thêm &amp;giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="102" />
            <source>Add &amp;Lane</source>
            <translation>Thêm &amp;làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="110" />
            <source>Map &amp;Properties…</source>
            <translation>&amp;Thuộc tính bản đồ…</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="112" />
            <source>S&amp;witch to Map</source>
            <translation>&amp;Chuyển sang bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="115" />
            <source>&amp;Next Map</source>
            <translation>Bản đồ tiếp th&amp;eo</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="117" />
            <source>P&amp;revious Map</source>
            <translation>Bản đồ t&amp;rước</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="120" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Phím tắt</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="122" />
            <source>&amp;About Journey Studio</source>
            <translation>&amp;Giới thiệu Journey Studio</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="127" />
            <source>Open &amp;Recent</source>
            <translation>Mở &amp;gần đây</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="231" />
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="237" />
            <source>&amp;Export</source>
            <translation>&amp;Xuất</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="241" />
            <source>&amp;Import</source>
            <translation>Nhậ&amp;p</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="247" />
            <source>&amp;Edit</source>
            <translation>&amp;Sửa</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="258" />
            <source>&amp;View</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="266" />
            <source>&amp;Map</source>
            <translation>&amp;Bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="277" />
            <source>&amp;Help</source>
            <translation>T&amp;rợ giúp</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="297" />
            <source>No recent projects</source>
            <translation>Chưa có dự án gần đây</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="299" />
            <source>&amp;Clear List</source>
            <translation>&amp;Xoá danh sách</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="322" />
            <source>Main Toolbar</source>
            <translation>Thanh công cụ chính</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="336" />
            <source>Add Lane</source>
            <translation>Thêm làn</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="337" />
            <source>Add a lane of a kind</source>
            <translation>Thêm một làn theo loại</translation>
        </message>
        <message>
            <location filename="../../app/ui/actions.py" line="352" />
            <source>Export PDF</source>
            <translation>Xuất PDF</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="91" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="42" />
            <source>Palette</source>
            <translation>Bảng công cụ</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="44" />
            <source>Inspector</source>
            <translation>Thuộc tính</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="53" />
            <source>&amp;Palette</source>
            <translation>&amp;Bảng công cụ</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="54" />
            <source>&amp;Maps</source>
            <translation>Danh sách bản &amp;đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="55" />
            <source>I&amp;nspector</source>
            <translation>Bảng th&amp;uộc tính</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="67" />
            <source>This project is open read-only.</source>
            <translation>Dự án này đang mở ở chế độ chỉ đọc.</translation>
        </message>
        <message>
            <location filename="../../app/ui/docks.py" line="68" />
            <source>Open a project to drag stages, lanes, cards and emotions onto its map.</source>
            <translation>Mở một dự án để kéo giai đoạn, làn, thẻ và cảm xúc vào bản đồ.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="405" />
            <source>Journey Studio projects (*.cjm)</source>
            <translation>Dự án Journey Studio (*.cjm)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="328" />
            <source>[read-only]</source>
            <translation>[chỉ đọc]</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="390" />
            <source>Cannot Open the Sample</source>
            <translation>Không thể mở dự án mẫu</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="403" />
            <location filename="../../app/ui/main_window.py" line="409" />
            <location filename="../../app/ui/main_window.py" line="415" />
            <source>Save a Copy As</source>
            <translation>Lưu một bản sao thành</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="410" />
            <source>Choose another file: this is the project itself.</source>
            <translation>Hãy chọn tệp khác: đây chính là tệp dự án.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="416" />
            <source>The copy could not be written.</source>
            <translation>Không ghi được bản sao.</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="418" />
            <source>Saved a copy to %1</source>
            <translation>Đã lưu bản sao vào %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="572" />
            <source>Closing the project…</source>
            <translation>Đang đóng dự án…</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_layout.py" line="55" />
            <source>New Map from Template…</source>
            <translation>Bản đồ mới từ mẫu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="47" />
            <source>P&amp;ersonas…</source>
            <translation>Chân &amp;dung khách hàng…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="48" />
            <source>C&amp;hannels…</source>
            <translation>&amp;Kênh…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="51" />
            <source>Sn&amp;apshots…</source>
            <translation>Ả&amp;nh lưu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="52" />
            <source>C&amp;ompare Maps…</source>
            <translation>&amp;So sánh bản đồ…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="54" />
            <source>Insights</source>
            <translation>Phân tích</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="63" />
            <source>Insi&amp;ghts</source>
            <translation>&amp;Phân tích</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="84" />
            <source>Insights appear here when a map is open.</source>
            <translation>Phân tích sẽ hiện ở đây khi có bản đồ đang mở.</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="155" />
            <source>Snapshot “%1” taken</source>
            <translation>Đã chụp ảnh lưu “%1”</translation>
        </message>
        <message>
            <location filename="../../app/ui/review.py" line="175" />
            <source>Create a future state or take a snapshot to compare this map with.</source>
            <translation>Để so sánh bản đồ này, hãy tạo trạng thái tương lai hoặc chụp ảnh lưu.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_session.py" line="68" />
            <source>The server cannot be reached: the project is read-only until it is back.</source>
            <translation>Không kết nối được máy chủ: dự án chỉ đọc cho đến khi máy chủ hoạt động trở lại.</translation>
        </message>
        <message>
            <location filename="../../app/ui/server_session.py" line="69" />
            <source>The server is back: the project can be edited again.</source>
            <translation>Máy chủ đã hoạt động trở lại: có thể chỉnh sửa dự án.</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_layout.py" line="53" />
            <source>This project has no maps yet.</source>
            <translation>Dự án này chưa có bản đồ nào.</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="48" />
            <source>Show %1</source>
            <translation>Hiện %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="105" />
            <source>Collapse to a rail</source>
            <translation>Thu gọn thành thanh bên</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="202" />
            <source>Foc&amp;us on the Map</source>
            <translation>Tập trung và&amp;o bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="206" />
            <source>Hide every dock and toolbar (F11)</source>
            <translation>Ẩn mọi bảng và thanh công cụ (F11)</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="209" />
            <source>Collapse &amp;Docks to Rails</source>
            <translation>Thu gọn các bảng thành th&amp;anh bên</translation>
        </message>
        <message>
            <location filename="../../app/ui/workspace.py" line="256" />
            <source>Focus: only the map. Press F11 to bring the docks back.</source>
            <translation>Tập trung: chỉ còn bản đồ. Nhấn F11 để hiện lại các bảng.</translation>
        </message>
    </context>
    <context>
        <name>Voting</name>
        <message>
            <location filename="../../app/ui/voting.py" line="361" />
            <location filename="../../app/ui/voting_panel.py" line="160" />
            <source>(untitled)</source>
            <translation>(chưa có tiêu đề)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="59" />
            <source>Start a Voting Round</source>
            <translation>Bắt đầu vòng bình chọn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="71" />
            <source>One name a line; leave empty for anonymous dots</source>
            <translation>Mỗi dòng một tên; để trống nếu bình chọn ẩn danh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="73" />
            <source>&amp;Title:</source>
            <translation>&amp;Tiêu đề:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="74" />
            <source>&amp;Dots per participant:</source>
            <translation>Số &amp;chấm mỗi người:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="75" />
            <source>&amp;Participants:</source>
            <translation>&amp;Người tham gia:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="77" />
            <source>Anonymous dots: the room votes in turn at this screen, each voter with the same number of dots.</source>
            <translation>Bình chọn ẩn danh: cả phòng lần lượt bình chọn trên màn hình này, mỗi người có cùng số chấm.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/voting_dialog.py" line="85" />
            <source>&amp;Start Round</source>
            <translation>&amp;Bắt đầu vòng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="64" />
            <source>Top voted</source>
            <translation>Được bình chọn nhiều nhất</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="274" />
            <location filename="../../app/ui/voting_panel.py" line="136" />
            <source>closed</source>
            <translation>đã đóng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="274" />
            <location filename="../../app/ui/voting_panel.py" line="136" />
            <source>open</source>
            <translation>đang mở</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="48" />
            <source>1 dot</source>
            <translation>1 chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="48" />
            <source>%1 dots</source>
            <translation>%1 chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="74" />
            <source>&amp;Start a Voting Round…</source>
            <translation>&amp;Bắt đầu vòng bình chọn…</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="76" />
            <source>&amp;Add a Dot to the Selected Card</source>
            <translation>&amp;Thêm một chấm cho thẻ đang chọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="79" />
            <source>&amp;Take a Dot Back</source>
            <translation>&amp;Rút lại một chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="82" />
            <source>&amp;Close Round</source>
            <translation>Đó&amp;ng vòng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="84" />
            <source>&amp;Reopen Round</source>
            <translation>&amp;Mở lại vòng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="86" />
            <source>S&amp;how Round</source>
            <translation>&amp;Hiện vòng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="92" />
            <source>&amp;Dot Voting</source>
            <translation>&amp;Bình chọn bằng chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="271" />
            <source>No Round (hide the dots)</source>
            <translation>Không vòng nào (ẩn các chấm)</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="292" />
            <source>Round %1</source>
            <translation>Vòng %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="311" />
            <source>Voting round %1 started: click the dot under a card, or select it and press V.</source>
            <translation>Đã bắt đầu vòng bình chọn %1: bấm vào chấm dưới thẻ, hoặc chọn thẻ rồi nhấn V.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="321" />
            <source>Round %1 closed.</source>
            <translation>Đã đóng vòng %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="335" />
            <source>No voting round is open: Map ▸ Dot Voting ▸ Start a Voting Round…</source>
            <translation>Chưa có vòng bình chọn nào đang mở: Bản đồ ▸ Bình chọn bằng chấm ▸ Bắt đầu vòng bình chọn…</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="340" />
            <source>Choose who is voting in the voting panel first.</source>
            <translation>Hãy chọn người đang bình chọn trong bảng bình chọn trước.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="361" />
            <source>%1 now has %2.</source>
            <translation>%1 hiện có %2.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="364" />
            <source>%1 has %2 left.</source>
            <translation>%1 còn %2.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="380" />
            <source>No dot of %1 on this card to take back.</source>
            <translation>Thẻ này không có chấm nào của %1 để rút lại.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting.py" line="381" />
            <source>the room</source>
            <translation>cả phòng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="52" />
            <source>Voting now:</source>
            <translation>Đang bình chọn:</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="71" />
            <source>Click the dot under a card, or select the card and press V; Shift+click or Shift+V takes a dot back.</source>
            <translation>Bấm vào chấm dưới thẻ, hoặc chọn thẻ rồi nhấn V; Shift+bấm hoặc Shift+V để rút lại một chấm.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="77" />
            <source>Start…</source>
            <translation>Bắt đầu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="80" />
            <source>Close Round</source>
            <translation>Đóng vòng</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="83" />
            <source>Reopen</source>
            <translation>Mở lại</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="131" />
            <source>No voting round shown</source>
            <translation>Chưa hiện vòng bình chọn nào</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="134" />
            <source>Start a round to put dots on the cards.</source>
            <translation>Hãy bắt đầu một vòng để đặt chấm lên các thẻ.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="149" />
            <source>%1: %2 left</source>
            <translation>%1: còn %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="154" />
            <source>Anonymous dots: %1 per voter.</source>
            <translation>Bình chọn ẩn danh: mỗi người %1 chấm.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="156" />
            <source>%1 on %2 cards</source>
            <translation>%1 trên %2 thẻ</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="164" />
            <source>No dots yet.</source>
            <translation>Chưa có chấm nào.</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="174" />
            <source>Dot Voting</source>
            <translation>Bình chọn bằng chấm</translation>
        </message>
        <message>
            <location filename="../../app/ui/voting_panel.py" line="182" />
            <source>Voting &amp;Panel</source>
            <translation>Bảng bình &amp;chọn</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="42" />
            <source>Website</source>
            <translation>Trang web</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="42" />
            <source>Mobile app</source>
            <translation>Ứng dụng di động</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="42" />
            <source>Store</source>
            <translation>Cửa hàng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="43" />
            <source>Social media</source>
            <translation>Mạng xã hội</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="43" />
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="43" />
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="44" />
            <source>Online ads</source>
            <translation>Quảng cáo trực tuyến</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="44" />
            <source>Search</source>
            <translation>Tìm kiếm</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="44" />
            <source>Referral</source>
            <translation>Giới thiệu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="45" />
            <source>Live chat</source>
            <translation>Chat trực tuyến</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="45" />
            <source>Office</source>
            <translation>Văn phòng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="45" />
            <source>Event</source>
            <translation>Sự kiện</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="46" />
            <source>Other</source>
            <translation>Khác</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="64" />
            <source>Channels</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="70" />
            <source>&amp;Add</source>
            <translation>&amp;Thêm</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="71" />
            <location filename="../../app/dialogs/persona_dialog.py" line="404" />
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="151" />
            <source>&amp;Delete…</source>
            <translation>&amp;Xoá…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="72" />
            <source>Move &amp;Up</source>
            <translation>Chuyển &amp;lên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="73" />
            <source>Move Do&amp;wn</source>
            <translation>Chuyển &amp;xuống</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="102" />
            <location filename="../../app/dialogs/map_properties.py" line="112" />
            <location filename="../../app/dialogs/persona_dialog.py" line="241" />
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="89" />
            <source>&amp;Name</source>
            <translation>&amp;Tên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="103" />
            <source>&amp;Icon</source>
            <translation>&amp;Biểu tượng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="104" />
            <source>&amp;Colour</source>
            <translation>&amp;Màu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="126" />
            <source>Touchpoint cards name one of these channels. Changes apply at once and can be undone.</source>
            <translation>Mỗi thẻ điểm chạm gắn với một trong các kênh này. Thay đổi có hiệu lực ngay và có thể hoàn tác.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="186" />
            <source>Used by {0} touchpoint cards and {1} personas.</source>
            <translation>Được dùng bởi {0} thẻ điểm chạm và {1} chân dung.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="205" />
            <source>A channel needs a name.</source>
            <translation>Kênh cần có tên.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="209" />
            <source>Rename channel</source>
            <translation>Đổi tên kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="212" />
            <source>Change channel icon</source>
            <translation>Đổi biểu tượng kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="215" />
            <source>Change channel colour</source>
            <translation>Đổi màu kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="221" />
            <source>New channel</source>
            <translation>Kênh mới</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="237" />
            <source>Delete the channel “{0}”? {1} touchpoint cards and {2} personas use it and will lose it.</source>
            <translation>Xoá kênh “{0}”? {1} thẻ điểm chạm và {2} chân dung đang dùng kênh này sẽ mất nó.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="239" />
            <source>Delete Channel</source>
            <translation>Xoá kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="243" />
            <source>Delete channel “{0}”</source>
            <translation>Xoá kênh “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/channels_dialog.py" line="257" />
            <source>Reorder channels</source>
            <translation>Sắp xếp lại kênh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/dialog_kit.py" line="162" />
            <source>Choose a colour</source>
            <translation>Chọn màu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="393" />
            <source>Personas</source>
            <translation>Chân dung khách hàng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="29" />
            <source>very negative</source>
            <translation>rất tiêu cực</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="29" />
            <source>negative</source>
            <translation>tiêu cực</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="29" />
            <source>neutral</source>
            <translation>trung lập</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="30" />
            <source>positive</source>
            <translation>tích cực</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="30" />
            <source>very positive</source>
            <translation>rất tích cực</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="63" />
            <source>Map Properties</source>
            <translation>Thuộc tính bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="69" />
            <source>What this map covers, for whom, from which research</source>
            <translation>Bản đồ này bao gồm gì, cho ai, dựa trên nghiên cứu nào</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="73" />
            <source>Current state — today’s experience</source>
            <translation>Trạng thái hiện tại — trải nghiệm hôm nay</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="74" />
            <source>Future state — the experience we design</source>
            <translation>Trạng thái tương lai — trải nghiệm ta thiết kế</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="79" />
            <source>No persona</source>
            <translation>Chưa có chân dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="86" />
            <source>Not derived from another map</source>
            <translation>Không bắt nguồn từ bản đồ khác</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="103" />
            <source>from</source>
            <translation>từ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="105" />
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="113" />
            <location filename="../../app/dialogs/persona_dialog.py" line="244" />
            <source>&amp;Description</source>
            <translation>&amp;Mô tả</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="114" />
            <source>&amp;State</source>
            <translation>&amp;Trạng thái</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="115" />
            <source>&amp;Persona</source>
            <translation>&amp;Chân dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="116" />
            <source>Derived &amp;from</source>
            <translation>&amp;Bắt nguồn từ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="117" />
            <source>Emotion scale</source>
            <translation>Thang cảm xúc</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="149" />
            <source>A map needs a name.</source>
            <translation>Bản đồ cần có tên.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="152" />
            <source>The emotion scale must go from a lower to a higher score.</source>
            <translation>Thang cảm xúc phải đi từ điểm thấp đến điểm cao.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="156" />
            <source>The map's emotion markers go from {0} to {1}; the scale must include them.</source>
            <translation>Các điểm cảm xúc của bản đồ đi từ {0} đến {1}; thang phải bao gồm chúng.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/map_properties.py" line="169" />
            <source>Map properties</source>
            <translation>Thuộc tính bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="66" />
            <source>Choose a PNG or JPEG image.</source>
            <translation>Hãy chọn ảnh PNG hoặc JPEG.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="76" />
            <source>This image is too large to use as a photo ({0} × {1} pixels). Choose a smaller image, or the same photo saved as JPEG.</source>
            <translation>Ảnh này quá lớn để dùng làm ảnh chân dung ({0} × {1} điểm ảnh). Hãy chọn ảnh nhỏ hơn, hoặc chính ảnh đó lưu dưới dạng JPEG.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="80" />
            <source>The image could not be read: {0}</source>
            <translation>Không đọc được ảnh: {0}</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="165" />
            <source>Edit Persona</source>
            <translation>Sửa chân dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="165" />
            <source>New Persona</source>
            <translation>Chân dung mới</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="171" />
            <source>e.g. Lan, young office worker</source>
            <translation>ví dụ: Lan, nhân viên văn phòng trẻ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="175" />
            <source>Not stated</source>
            <translation>Chưa nêu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="181" />
            <source>Something this customer would say</source>
            <translation>Một câu khách hàng này hay nói</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="183" />
            <source>Who they are, in a sentence or two</source>
            <translation>Họ là ai, trong một hai câu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="184" />
            <source>What they are trying to do, why, by when</source>
            <translation>Họ đang cố làm gì, vì sao, đến khi nào</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="185" />
            <source>What drives them</source>
            <translation>Điều thúc đẩy họ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="186" />
            <source>How they usually act</source>
            <translation>Họ thường hành động thế nào</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="187" />
            <source>What they care about</source>
            <translation>Điều họ quan tâm</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="188" />
            <source>What frustrates or stops them</source>
            <translation>Điều khiến họ bực bội hoặc dừng lại</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="196" />
            <source>Choose photo…</source>
            <translation>Chọn ảnh…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="198" />
            <source>Remove photo</source>
            <translation>Bỏ ảnh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="218" />
            <source>Use this persona for the map “{0}”</source>
            <translation>Dùng chân dung này cho bản đồ “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="239" />
            <source>Age</source>
            <translation>Tuổi</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="242" />
            <source>&amp;Occupation</source>
            <translation>&amp;Nghề nghiệp</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="243" />
            <source>&amp;Quote</source>
            <translation>&amp;Câu nói</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="259" />
            <source>Goals</source>
            <translation>Mục tiêu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="259" />
            <source>Motivations</source>
            <translation>Động lực</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="260" />
            <source>Behaviours</source>
            <translation>Hành vi</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="260" />
            <source>Interests</source>
            <translation>Sở thích</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="261" />
            <source>Pain points</source>
            <translation>Điểm đau</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="265" />
            <source>Preferred channels</source>
            <translation>Kênh ưa thích</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="309" />
            <source>Choose a Photo</source>
            <translation>Chọn ảnh</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="310" />
            <location filename="../../app/dialogs/project_properties.py" line="157" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="350" />
            <source>A persona needs a name.</source>
            <translation>Chân dung cần có tên.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="362" />
            <source>Edit persona “{0}”</source>
            <translation>Sửa chân dung “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="371" />
            <source>Add persona “{0}”</source>
            <translation>Thêm chân dung “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="379" />
            <source>{0} years</source>
            <translation>{0} tuổi</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="381" />
            <source>on this map</source>
            <translation>trên bản đồ này</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="401" />
            <source>&amp;Add…</source>
            <translation>&amp;Thêm…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="402" />
            <source>&amp;Edit…</source>
            <translation>&amp;Sửa…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="403" />
            <source>D&amp;uplicate</source>
            <translation>&amp;Nhân bản</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="405" />
            <source>&amp;Use for This Map</source>
            <translation>&amp;Dùng cho bản đồ này</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="406" />
            <source>&amp;Remove from This Map</source>
            <translation>&amp;Bỏ khỏi bản đồ này</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="464" />
            <source>Personas of this project.</source>
            <translation>Các chân dung của dự án này.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="466" />
            <source>Personas of this project. The map “{0}” is about the one in bold.</source>
            <translation>Các chân dung của dự án này. Bản đồ “{0}” nói về chân dung in đậm.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="540" />
            <source>Delete the persona “{0}”?</source>
            <translation>Xoá chân dung “{0}”?</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="542" />
            <source>These maps will have no persona: {0}</source>
            <translation>Các bản đồ này sẽ không còn chân dung: {0}</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="543" />
            <source>Delete Persona</source>
            <translation>Xoá chân dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="546" />
            <source>Delete persona “{0}”</source>
            <translation>Xoá chân dung “{0}”</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="554" />
            <source>Assign persona</source>
            <translation>Gán chân dung</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/persona_dialog.py" line="562" />
            <source>Remove persona from map</source>
            <translation>Bỏ chân dung khỏi bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="63" />
            <source>Project Properties</source>
            <translation>Thuộc tính dự án</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="68" />
            <source>Who the maps are made for</source>
            <translation>Khách hàng mà các bản đồ được làm cho</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="71" />
            <source>Your name or your team's</source>
            <translation>Tên bạn hoặc tên nhóm của bạn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="77" />
            <source>The language of everything the exports write themselves: headings, legend, page numbers</source>
            <translation>Ngôn ngữ của mọi chữ mà bản xuất tự ghi: tiêu đề, chú giải, số trang</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="87" />
            <source>Choose &amp;Logo…</source>
            <translation>Chọn &amp;logo…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="90" />
            <source>Remove Logo</source>
            <translation>Bỏ logo</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="106" />
            <source>Use the Default</source>
            <translation>Dùng mặc định</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="119" />
            <source>&amp;Title</source>
            <translation>&amp;Tiêu đề</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="120" />
            <source>&amp;Client</source>
            <translation>&amp;Khách hàng</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="121" />
            <source>&amp;Author</source>
            <translation>&amp;Tác giả</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="122" />
            <source>Export &amp;language</source>
            <translation>&amp;Ngôn ngữ xuất</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="123" />
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="124" />
            <source>Accent colour</source>
            <translation>Màu nhấn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="125" />
            <source>The logo and the accent colour appear in the title block and the page rules of PDF exports.</source>
            <translation>Logo và màu nhấn xuất hiện trong khối tiêu đề và các đường kẻ trang của bản xuất PDF.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="152" />
            <source>No logo</source>
            <translation>Chưa có logo</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="156" />
            <source>Choose a Logo</source>
            <translation>Chọn logo</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="186" />
            <source>Default</source>
            <translation>Mặc định</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="192" />
            <source>Accent Colour</source>
            <translation>Màu nhấn</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="218" />
            <source>A project needs a title.</source>
            <translation>Dự án cần có tiêu đề.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/project_properties.py" line="227" />
            <source>Project properties</source>
            <translation>Thuộc tính dự án</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="140" />
            <source>Map</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="140" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="79" />
            <source>Take Snapshot</source>
            <translation>Chụp ảnh lưu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="85" />
            <source>A snapshot keeps the map “{0}” as it is now, read-only, so a later review can compare against it.</source>
            <translation>Ảnh lưu giữ bản đồ “{0}” như hiện tại, chỉ đọc, để lần đánh giá sau có thể so sánh.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="104" />
            <source>A snapshot needs a name.</source>
            <translation>Ảnh lưu cần có tên.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="137" />
            <source>Snapshots</source>
            <translation>Ảnh lưu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="140" />
            <source>Taken</source>
            <translation>Thời điểm chụp</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="147" />
            <source>&amp;Take Snapshot…</source>
            <translation>&amp;Chụp ảnh lưu…</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="148" />
            <source>&amp;Open</source>
            <translation>&amp;Mở</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="149" />
            <source>&amp;Restore as New Map</source>
            <translation>&amp;Khôi phục thành bản đồ mới</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="150" />
            <source>&amp;Compare with Today’s Map</source>
            <translation>&amp;So sánh với bản đồ hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="189" />
            <source>{0} (deleted)</source>
            <translation>{0} (đã xoá)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="218" />
            <source>No snapshots yet. Take one at each review to see later how the journey changed.</source>
            <translation>Chưa có ảnh lưu. Hãy chụp một ảnh ở mỗi lần đánh giá để sau này thấy hành trình đã thay đổi ra sao.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="221" />
            <source>The map of this snapshot was deleted; restore the snapshot to get it back.</source>
            <translation>Bản đồ của ảnh lưu này đã bị xoá; hãy khôi phục ảnh lưu để lấy lại.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="284" />
            <source>Delete Snapshot</source>
            <translation>Xoá ảnh lưu</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="285" />
            <source>Delete the snapshot “{0}”?</source>
            <translation>Xoá ảnh lưu “{0}”?</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/snapshot_dialogs.py" line="288" />
            <source>Delete snapshot “{0}”</source>
            <translation>Xoá ảnh lưu “{0}”</translation>
        </message>
    </context>
    <context>
        <name>OpenServerDialog</name>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="62" />
            <source>Open from Server</source>
            <translation>Mở từ máy chủ</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="71" />
            <source>&amp;List Projects</source>
            <translation>&amp;Liệt kê dự án</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="78" />
            <source>A password comes from ~/.pgpass or PGPASSWORD; it is never saved.</source>
            <translation>Mật khẩu được lấy từ ~/.pgpass hoặc PGPASSWORD; mật khẩu không bao giờ được lưu.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="87" />
            <source>&amp;Server:</source>
            <translation>&amp;Máy chủ:</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="118" />
            <source>%1 — %2 (%3 maps, %4 cards)</source>
            <translation>%1 — %2 (%3 bản đồ, %4 thẻ)</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="126" />
            <source>Choose a project to open.</source>
            <translation>Chọn một dự án để mở.</translation>
        </message>
        <message>
            <location filename="../../app/dialogs/open_server.py" line="128" />
            <source>This server holds no projects yet: publish one with 'journey-studio publish FILE.cjm URL'.</source>
            <translation>Máy chủ này chưa có dự án nào: hãy đăng một dự án bằng 'journey-studio publish FILE.cjm URL'.</translation>
        </message>
    </context>
    <context>
        <name>Opening</name>
        <message>
            <location filename="../../app/ui/opening.py" line="68" />
            <location filename="../../app/ui/opening.py" line="92" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="33" />
            <source>the file “%1” does not exist</source>
            <translation>tệp “%1” không tồn tại</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="57" />
            <source>the server project</source>
            <translation>dự án trên máy chủ</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="60" />
            <source>The file does not exist (it may have been moved or deleted).</source>
            <translation>Tệp không tồn tại (có thể đã bị chuyển hoặc xoá).</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="64" />
            <location filename="../../app/ui/opening.py" line="74" />
            <location filename="../../app/ui/opening.py" line="100" />
            <source>Cannot Open Project</source>
            <translation>Không thể mở dự án</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="66" />
            <source>Project in Use</source>
            <translation>Dự án đang được mở</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="67" />
            <source>Open it read-only instead?</source>
            <translation>Mở ở chế độ chỉ đọc thay thế?</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="68" />
            <location filename="../../app/ui/opening.py" line="91" />
            <source>Open Read-Only</source>
            <translation>Mở chỉ đọc</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="75" />
            <source>“%1” could not be opened.</source>
            <translation>Không mở được “%1”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="85" />
            <source>“%1” is on a network drive (%2). Editing a project in place there can damage it: a network drive cannot keep a colleague from writing it at the same time.</source>
            <translation>“%1” nằm trên ổ mạng (%2). Sửa dự án trực tiếp ở đó có thể làm hỏng nó: ổ mạng không ngăn được một đồng nghiệp ghi vào tệp cùng lúc.</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="88" />
            <source>Edit a copy on this computer, and put it back with File ▸ Save a Copy As when you are done; or open the original read-only.</source>
            <translation>Hãy sửa một bản sao trên máy này, rồi đưa nó trở lại bằng Tệp ▸ Lưu một bản sao thành khi sửa xong; hoặc mở bản gốc ở chế độ chỉ đọc.</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="90" />
            <source>Project on a Network Drive</source>
            <translation>Dự án trên ổ mạng</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="91" />
            <source>Edit a Copy on This Computer</source>
            <translation>Sửa bản sao trên máy này</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="101" />
            <source>No copy of “%1” could be made on this computer.</source>
            <translation>Không tạo được bản sao của “%1” trên máy này.</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="106" />
            <source>Editing a Copy</source>
            <translation>Đang sửa bản sao</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="107" />
            <source>You are editing a copy on this computer:
%1

The original on the network drive is unchanged until you save a copy over it.</source>
            <translation>Bạn đang sửa một bản sao trên máy này:
%1

Bản gốc trên ổ mạng vẫn giữ nguyên cho đến khi bạn lưu một bản sao đè lên nó.</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="141" />
            <source>Cannot Create Project</source>
            <translation>Không thể tạo dự án</translation>
        </message>
        <message>
            <location filename="../../app/ui/opening.py" line="142" />
            <source>“%1” could not be created.</source>
            <translation>Không tạo được “%1”.</translation>
        </message>
    </context>
    <context>
        <name>Document</name>
        <message>
            <location filename="../../app/document/document.py" line="192" />
            <source>the server cannot be reached; the project is read-only until it is back</source>
            <translation>không kết nối được máy chủ; dự án chỉ đọc cho đến khi máy chủ hoạt động trở lại</translation>
        </message>
        <message>
            <location filename="../../app/document/document.py" line="281" />
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <location filename="../../app/document/document.py" line="293" />
            <source>Redo</source>
            <translation>Làm lại</translation>
        </message>
        <message>
            <location filename="../../app/document/document.py" line="308" />
            <source>%1 is not possible: someone else has changed what this step changed since; it would overwrite their work</source>
            <translation>%1: không thể thực hiện vì người khác đã thay đổi nội dung mà bước này đã sửa; làm vậy sẽ ghi đè lên thay đổi của họ</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <location filename="../../app/ui/notices.py" line="54" />
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <location filename="../../app/ui/notices.py" line="76" />
            <source>Undone.</source>
            <translation>Đã hoàn tác.</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="21" />
            <source>Stages: %1</source>
            <translation>Giai đoạn: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="22" />
            <source>Lanes: %1</source>
            <translation>Làn: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="23" />
            <source>Cards: %1</source>
            <translation>Thẻ: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="24" />
            <source>Emotions: %1</source>
            <translation>Cảm xúc: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="32" />
            <source>Read-only</source>
            <translation>Chỉ đọc</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="37" />
            <source>This project is open read-only: changes are not allowed.</source>
            <translation>Dự án này đang mở ở chế độ chỉ đọc: không được thay đổi.</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="50" />
            <source>Zoom (Ctrl+wheel, Ctrl+0 for 100 %, Ctrl+9 to fit)</source>
            <translation>Thu phóng (Ctrl+cuộn chuột, Ctrl+0 về 100 %, Ctrl+9 cho vừa)</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="67" />
            <source>Also here: %1</source>
            <translation>Cũng đang mở: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/status.py" line="68" />
            <source>Others editing this project on the server now</source>
            <translation>Những người khác đang chỉnh sửa dự án này trên máy chủ</translation>
        </message>
    </context>
    <context>
        <name>failures</name>
        <message>
            <location filename="../../app/document/failures.py" line="49" />
            <source>%1 failed: %2; nothing was changed.</source>
            <translation>%1 không thành công: %2; không có gì bị thay đổi.</translation>
        </message>
        <message>
            <location filename="../../app/document/failures.py" line="50" />
            <source>The change failed: %2; nothing was changed.</source>
            <translation>Thay đổi không thành công: %2; không có gì bị thay đổi.</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <location filename="../../app/main.py" line="173" />
            <source>There is no map named “%1”.</source>
            <translation>Không có bản đồ nào tên “%1”.</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <location filename="../../app/ui/crash.py" line="68" />
            <source>Something Went Wrong</source>
            <translation>Đã xảy ra lỗi</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="74" />
            <source>Journey Studio hit an unexpected error. Every change you made before it is saved; the last action may not have finished.</source>
            <translation>Journey Studio gặp một lỗi không lường trước. Mọi thay đổi bạn làm trước đó đều đã được lưu; thao tác cuối cùng có thể chưa hoàn tất.</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="79" />
            <source>The details were written to %1. Please send them with a note of what you were doing.</source>
            <translation>Chi tiết đã được ghi vào %1. Vui lòng gửi kèm vài dòng cho biết bạn đang làm gì lúc đó.</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="81" />
            <source>The details could not be written to a log file; copy them instead.</source>
            <translation>Không ghi được chi tiết vào tệp nhật ký; hãy sao chép chúng.</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="84" />
            <source>Copy Details</source>
            <translation>Sao chép chi tiết</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="86" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../app/ui/crash.py" line="107" />
            <source>Copied</source>
            <translation>Đã sao chép</translation>
        </message>
    </context>
    <context>
        <name>Drafts</name>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="68" />
            <source>The text you are typing could not be kept as a draft: %1</source>
            <translation>Không lưu được bản nháp của đoạn chữ bạn đang gõ: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="118" />
            <location filename="../../app/ui/drafts_prompt.py" line="182" />
            <source>Recovered Text</source>
            <translation>Đoạn chữ được khôi phục</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="127" />
            <source>Recovered text you were typing in “%1” when Journey Studio closed unexpectedly:</source>
            <translation>Đã khôi phục đoạn chữ bạn đang gõ trong “%1” khi Journey Studio đóng đột ngột:</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="130" />
            <source>it has been changed since, so the text is not put back. Copy it if you still need it.</source>
            <translation>mục này đã được sửa từ đó nên đoạn chữ không được điền lại. Hãy sao chép nếu bạn vẫn cần.</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="133" />
            <source>it no longer exists, so the text cannot be put back. Copy it if you still need it.</source>
            <translation>mục này không còn nữa nên không thể điền lại đoạn chữ. Hãy sao chép nếu bạn vẫn cần.</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="142" />
            <source>&amp;Restore</source>
            <translation>&amp;Khôi phục</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="145" />
            <source>&amp;Copy Text</source>
            <translation>&amp;Sao chép chữ</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="148" />
            <source>&amp;Discard</source>
            <translation>&amp;Bỏ đi</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="166" />
            <source>The recovered text is on the clipboard.</source>
            <translation>Đoạn chữ được khôi phục đã nằm trong bộ nhớ tạm.</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="177" />
            <source>Restore typed text</source>
            <translation>Khôi phục chữ đã gõ</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="183" />
            <source>The text could not be put back; it is on the clipboard.</source>
            <translation>Không điền lại được đoạn chữ; nó đã nằm trong bộ nhớ tạm.</translation>
        </message>
        <message>
            <location filename="../../app/ui/drafts_prompt.py" line="194" />
            <source>Restored the text you were typing.</source>
            <translation>Đã khôi phục đoạn chữ bạn đang gõ.</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../app/ui/exporting.py" line="36" />
            <source>Exported to %1</source>
            <translation>Đã xuất ra %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/exporting.py" line="40" />
            <source>Export Failed</source>
            <translation>Xuất thất bại</translation>
        </message>
        <message>
            <location filename="../../app/ui/exporting.py" line="41" />
            <source>“%1” could not be written.</source>
            <translation>Không ghi được “%1”.</translation>
        </message>
        <message>
            <location filename="../../app/ui/exporting.py" line="62" />
            <source>Export cancelled</source>
            <translation>Đã huỷ xuất</translation>
        </message>
        <message>
            <location filename="../../app/ui/exporting.py" line="68" />
            <location filename="../../app/ui/exporting.py" line="117" />
            <source>Exported with Warnings</source>
            <translation>Đã xuất nhưng có cảnh báo</translation>
        </message>
        <message>
            <location filename="../../app/ui/exporting.py" line="143" />
            <source>Export JSON</source>
            <translation>Xuất JSON</translation>
        </message>
        <message>
            <location filename="../../app/ui/exporting.py" line="143" />
            <source>JSON documents (*.json)</source>
            <translation>Tài liệu JSON (*.json)</translation>
        </message>
    </context>
    <context>
        <name>Failures</name>
        <message>
            <location filename="../../app/ui/failures.py" line="33" />
            <source>Not Possible</source>
            <translation>Không thể thực hiện</translation>
        </message>
        <message>
            <location filename="../../app/ui/failures.py" line="33" />
            <source>Change Not Saved</source>
            <translation>Thay đổi chưa được lưu</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <location filename="../../app/ui/file_dialogs.py" line="22" />
            <source>Journey Studio projects (*.cjm)</source>
            <translation>Dự án Journey Studio (*.cjm)</translation>
        </message>
        <message>
            <location filename="../../app/ui/file_dialogs.py" line="27" />
            <source>Open Project</source>
            <translation>Mở dự án</translation>
        </message>
        <message>
            <location filename="../../app/ui/file_dialogs.py" line="28" />
            <source>All files (*)</source>
            <translation>Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="../../app/ui/file_dialogs.py" line="49" />
            <source>New Project</source>
            <translation>Dự án mới</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../app/ui/find_bar.py" line="48" />
            <source>Find in map</source>
            <translation>Tìm trong bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/find_bar.py" line="55" />
            <source>Previous match (Shift+F3)</source>
            <translation>Kết quả trước (Shift+F3)</translation>
        </message>
        <message>
            <location filename="../../app/ui/find_bar.py" line="56" />
            <source>Next match (F3)</source>
            <translation>Kết quả sau (F3)</translation>
        </message>
        <message>
            <location filename="../../app/ui/find_bar.py" line="57" />
            <source>Close (Esc)</source>
            <translation>Đóng (Esc)</translation>
        </message>
        <message>
            <location filename="../../app/ui/find_bar.py" line="135" />
            <source>No matches</source>
            <translation>Không tìm thấy</translation>
        </message>
        <message>
            <location filename="../../app/ui/find_bar.py" line="137" />
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="38" />
            <source>Arrow keys</source>
            <translation>Phím mũi tên</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="38" />
            <source>Move the selection between cells and cards</source>
            <translation>Di chuyển vùng chọn giữa các ô và thẻ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="39" />
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="39" />
            <source>Edit the selected item's text</source>
            <translation>Sửa chữ của mục đang chọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="40" />
            <source>Shift+Enter</source>
            <translation>Shift+Enter</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="40" />
            <source>New line while editing</source>
            <translation>Xuống dòng khi đang sửa</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="41" />
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="41" />
            <source>Cancel editing</source>
            <translation>Huỷ chỉnh sửa</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="42" />
            <source>Insert, Ctrl+Enter</source>
            <translation>Insert, Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="42" />
            <source>Add a card to the current cell</source>
            <translation>Thêm thẻ vào ô hiện tại</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="43" />
            <source>Type a letter</source>
            <translation>Gõ một chữ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="43" />
            <source>Start a card in the current cell with that letter</source>
            <translation>Bắt đầu một thẻ trong ô hiện tại bằng chữ đó</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="44" />
            <source>Enter (on a new card)</source>
            <translation>Enter (trên thẻ mới)</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="44" />
            <source>Store it and start the next card in the same cell</source>
            <translation>Lưu thẻ và bắt đầu thẻ tiếp theo trong cùng ô</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="45" />
            <source>Tab, Shift+Tab</source>
            <translation>Tab, Shift+Tab</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="45" />
            <source>Store the card and go to the next or previous cell</source>
            <translation>Lưu thẻ và chuyển sang ô kế tiếp hoặc ô trước</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="46" />
            <source>Ctrl+Tab</source>
            <translation>Ctrl+Tab</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="46" />
            <source>Leave the map for the next control</source>
            <translation>Rời bản đồ sang điều khiển kế tiếp</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="47" />
            <source>Double-click</source>
            <translation>Nhấp đúp</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="47" />
            <source>Edit text in place</source>
            <translation>Sửa chữ ngay trên bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="48" />
            <source>Ctrl+click, drag a rectangle</source>
            <translation>Ctrl+nhấp, kéo khung chọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="48" />
            <source>Select several items</source>
            <translation>Chọn nhiều mục</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="49" />
            <source>Drag the dot on a card's right edge</source>
            <translation>Kéo chấm tròn ở cạnh phải của thẻ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="50" />
            <source>Draw a connector to another card or a stage header</source>
            <translation>Vẽ kết nối tới một thẻ khác hoặc tiêu đề giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="51" />
            <source>Ctrl+wheel, pinch</source>
            <translation>Ctrl+cuộn chuột, chụm hai ngón</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="51" />
            <source>Zoom around the pointer</source>
            <translation>Thu phóng quanh con trỏ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="52" />
            <source>Middle-drag, Space+drag</source>
            <translation>Kéo chuột giữa, Space+kéo</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="52" />
            <source>Pan the map</source>
            <translation>Kéo di chuyển bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="53" />
            <source>Right-click</source>
            <translation>Nhấp chuột phải</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="53" />
            <source>Actions for the item under the pointer</source>
            <translation>Các thao tác cho mục dưới con trỏ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="104" />
            <source>Keyboard Shortcuts</source>
            <translation>Phím tắt</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="108" />
            <source>Command</source>
            <translation>Lệnh</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="108" />
            <source>Keys</source>
            <translation>Phím</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="127" />
            <source>On the map</source>
            <translation>Trên bản đồ</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="170" />
            <source>About Journey Studio</source>
            <translation>Giới thiệu Journey Studio</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="174" />
            <source>A desktop editor for customer journey maps: stages, touchpoints, emotions, pains and opportunities, for one persona at a time.</source>
            <translation>Trình biên tập bản đồ hành trình khách hàng trên máy tính: giai đoạn, điểm chạm, cảm xúc, điểm đau và cơ hội, cho từng chân dung khách hàng.</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="195" />
            <source>Bundled fonts and libraries, and their licences:</source>
            <translation>Phông chữ và thư viện đi kèm, cùng giấy phép của chúng:</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="202" />
            <source>The licence files are missing from this installation.</source>
            <translation>Bản cài đặt này thiếu các tệp giấy phép.</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="211" />
            <source>The licence file %1 is missing from this installation.</source>
            <translation>Bản cài đặt này thiếu tệp giấy phép %1.</translation>
        </message>
        <message>
            <location filename="../../app/ui/help_dialogs.py" line="218" />
            <source>Qt %1 · PySide6 %2 · Python %3</source>
            <translation>Qt %1 · PySide6 %2 · Python %3</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <location filename="../../app/ui/preferences.py" line="29" />
            <source>Preferences</source>
            <translation>Tuỳ chọn</translation>
        </message>
        <message>
            <location filename="../../app/ui/preferences.py" line="32" />
            <source>System language</source>
            <translation>Ngôn ngữ hệ thống</translation>
        </message>
        <message>
            <location filename="../../app/ui/preferences.py" line="36" />
            <source>The new language is used the next time Journey Studio starts.</source>
            <translation>Ngôn ngữ mới sẽ được dùng từ lần khởi động Journey Studio tiếp theo.</translation>
        </message>
        <message>
            <location filename="../../app/ui/preferences.py" line="41" />
            <source>Interface &amp;language:</source>
            <translation>&amp;Ngôn ngữ giao diện:</translation>
        </message>
    </context>
    <context>
        <name>Present</name>
        <message>
            <location filename="../../app/ui/present.py" line="47" />
            <source>Overview — %1 stages</source>
            <translation>Toàn cảnh — %1 giai đoạn</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="48" />
            <source>Stage %1 of %2 — %3</source>
            <translation>Giai đoạn %1/%2 — %3</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="51" />
            <source>lane %1 of %2</source>
            <translation>làn %1/%2</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="64" />
            <source>Journey Studio — Audience</source>
            <translation>Journey Studio — Khán giả</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="88" />
            <source>Pr&amp;esent</source>
            <translation>Trình &amp;chiếu</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="90" />
            <source>Nex&amp;t Stage</source>
            <translation>&amp;Giai đoạn tiếp theo</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="92" />
            <source>Pre&amp;vious Stage</source>
            <translation>Giai đoạn t&amp;rước</translation>
        </message>
        <message>
            <location filename="../../app/ui/present.py" line="94" />
            <source>&amp;Reveal Lane by Lane</source>
            <translation>&amp;Hé lộ từng làn</translation>
        </message>
    </context>
    <context>
        <name>Snapshot</name>
        <message>
            <location filename="../../app/ui/snapshot_window.py" line="36" />
            <source>{0} — snapshot “{1}” (read-only)</source>
            <translation>{0} — ảnh lưu “{1}” (chỉ đọc)</translation>
        </message>
        <message>
            <location filename="../../app/ui/snapshot_window.py" line="43" />
            <source>Read-only snapshot “{0}” of “{1}”, taken {2}.</source>
            <translation>Ảnh lưu chỉ đọc “{0}” của bản đồ “{1}”, chụp lúc {2}.</translation>
        </message>
        <message>
            <location filename="../../app/ui/snapshot_window.py" line="47" />
            <source>Restore as New Map</source>
            <translation>Khôi phục thành bản đồ mới</translation>
        </message>
        <message>
            <location filename="../../app/ui/snapshot_window.py" line="51" />
            <source>Compare with Today’s Map</source>
            <translation>So sánh với bản đồ hiện tại</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <location filename="../../app/ui/start_page.py" line="43" />
            <source>Map every step of your customers' experience, across every channel.</source>
            <translation>Vẽ lại từng bước trải nghiệm của khách hàng, trên mọi kênh.</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="47" />
            <source>New project from a template…</source>
            <translation>Dự án mới từ mẫu…</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="49" />
            <source>Open a project…</source>
            <translation>Mở dự án…</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="51" />
            <source>Explore the sample project</source>
            <translation>Khám phá dự án mẫu</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="57" />
            <source>Recent projects</source>
            <translation>Dự án gần đây</translation>
        </message>
        <message>
            <location filename="../../app/ui/start_page.py" line="106" />
            <source>%1 (on the server %2)</source>
            <translation>%1 (trên máy chủ %2)</translation>
        </message>
    </context>
    <context>
        <name>Timer</name>
        <message>
            <location filename="../../app/ui/timer.py" line="160" />
            <source>&amp;Start or Pause Timer</source>
            <translation>&amp;Bắt đầu hoặc tạm dừng hẹn giờ</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="162" />
            <source>&amp;Reset Timer</source>
            <translation>Đặt &amp;lại hẹn giờ</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="164" />
            <source>&amp;Custom Length…</source>
            <translation>Độ dài &amp;tùy chọn…</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="166" />
            <source>Work&amp;shop Timer</source>
            <translation>Hẹn g&amp;iờ</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="169" />
            <source>%1 min</source>
            <translation>%1 phút</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="200" />
            <source>Timer</source>
            <translation>Hẹn giờ</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="200" />
            <source>Minutes:</source>
            <translation>Số phút:</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="225" />
            <source>Timer %1</source>
            <translation>Hẹn giờ %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="226" />
            <source>Start a %1 timer (Ctrl+Alt+W); the arrow picks another length</source>
            <translation>Bắt đầu hẹn giờ %1 (Ctrl+Alt+W); mũi tên để chọn độ dài khác</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="227" />
            <source>Pause the timer (Ctrl+Alt+W)</source>
            <translation>Tạm dừng hẹn giờ (Ctrl+Alt+W)</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="228" />
            <source>Resume the timer (Ctrl+Alt+W)</source>
            <translation>Tiếp tục hẹn giờ (Ctrl+Alt+W)</translation>
        </message>
        <message>
            <location filename="../../app/ui/timer.py" line="229" />
            <source>Time is up: click to start again</source>
            <translation>Hết giờ: bấm để bắt đầu lại</translation>
        </message>
    </context>
    <context>
        <name>WheelView</name>
        <message>
            <location filename="../../app/ui/wheel_dock.py" line="33" />
            <source>Experience Wheel</source>
            <translation>Bánh xe trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/ui/wheel_dock.py" line="39" />
            <source>E&amp;xperience Wheel</source>
            <translation>Bánh x&amp;e trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/ui/wheel_dock.py" line="42" />
            <source>The map as a circle: before, during, after</source>
            <translation>Bản đồ dưới dạng vòng tròn: trước, trong và sau trải nghiệm</translation>
        </message>
        <message>
            <location filename="../../app/ui/wheel_dock.py" line="55" />
            <location filename="../../app/ui/wheel_view.py" line="121" />
            <source>Open a map to see its experience wheel.</source>
            <translation>Mở một bản đồ để xem bánh xe trải nghiệm của nó.</translation>
        </message>
    </context>
</TS>
