<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>Board</name>
    <message>
        <location filename="../../ui/board/charts.py" line="+88"/>
        <source>wrong item / 1,000</source>
        <translation>barang salah / 1.000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over-scan / 1,000</source>
        <translation>kelebihan scan / 1.000</translation>
    </message>
    <message>
        <location filename="../../ui/board/model.py" line="+82"/>
        <source>save the report as .pdf, .csv or .json, not .{format}</source>
        <translation>simpan laporan sebagai .pdf, .csv atau .json, bukan .{format}</translation>
    </message>
    <message>
        <location filename="../../ui/board/page.py" line="+63"/>
        <source>orders packed</source>
        <translation>pesanan dikemas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/board/tables.py" line="+66"/>
        <source>units</source>
        <translation>unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders / h</source>
        <translation>pesanan / jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avg s / order</source>
        <translation>rata-rata detik / pesanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p90 s / order</source>
        <translation>p90 detik / pesanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong / 1,000</source>
        <translation>salah / 1.000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over / 1,000</source>
        <translation>lebih / 1.000</translation>
    </message>
    <message>
        <location filename="../../ui/board/tables.py" line="-8"/>
        <source>order</source>
        <translation>pesanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carrier</source>
        <translation>ekspedisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cutoff</source>
        <translation>batas kirim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>keadaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min left</source>
        <translation>sisa menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>station</source>
        <translation>stasiun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orders</source>
        <translation>pesanan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders/h</source>
        <translation>pesanan/jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avg s</source>
        <translation>rata² detik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p90 s</source>
        <translation>p90 detik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scans</source>
        <translation>scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong/1k</source>
        <translation>salah/1rb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over/1k</source>
        <translation>lebih/1rb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due</source>
        <translation>jatuh tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remaining</source>
        <translation>sisa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on hold</source>
        <translation>ditahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parked</source>
        <translation>diparkir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>jenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason</source>
        <translation>alasan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>jumlah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jobs</source>
        <translation>tugas cetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faulted</source>
        <translation>bermasalah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wait s</source>
        <translation>tunggu detik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>longest s</source>
        <translation>terlama detik</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../ui/board/page.py" line="+28"/>
        <source>Shift board</source>
        <translation>Papan shift</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save report...</source>
        <translation>Simpan laporan...</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>At risk of missing the cut-off</source>
        <translation>Berisiko melewati batas kirim</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stations</source>
        <translation>Stasiun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operators</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exceptions</source>
        <translation>Pengecualian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprints</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer faults</source>
        <translation>Gangguan printer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orders packed per hour</source>
        <translation>Pesanan dikemas per jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy per station (per 1,000 scans)</source>
        <translation>Akurasi per stasiun (per 1.000 scan)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Save today&apos;s report</source>
        <translation>Simpan laporan hari ini</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>saved {path}</source>
        <translation>tersimpan di {path}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} ({role}) may not see the shift board: only leads and admins. Your own figures: workstation report --as &lt;your badge&gt;.</source>
        <translation>{name} ({role}) tidak boleh melihat papan shift: hanya leader dan admin. Angka Anda sendiri: workstation report --as &lt;kartu ID Anda&gt;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>updated {time} UTC</source>
        <translation>diperbarui {time} UTC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loading...</source>
        <translation>memuat...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift board {date}</source>
        <translation>Papan shift {date}</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../ui/camera_scanner.py" line="+106"/>
        <source>no camera found: plug one in, or attach a scanner</source>
        <translation>kamera tidak ditemukan: colokkan kamera, atau pasang scanner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>camera error: {text}</source>
        <translation>kamera bermasalah: {text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>camera on: {name}</source>
        <translation>kamera aktif: {name}</translation>
    </message>
</context>
<context>
    <name>CommandSheet</name>
    <message>
        <location filename="../../ui/command_sheet.py" line="+35"/>
        <source>out of stock</source>
        <translation>stok habis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found at location</source>
        <translation>tidak ada di lokasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>rusak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong item picked</source>
        <translation>salah ambil barang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other reason</source>
        <translation>alasan lain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale fault</source>
        <translation>timbangan bermasalah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra packaging material</source>
        <translation>bahan kemasan tambahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalogue weight wrong</source>
        <translation>berat di katalog salah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label damaged</source>
        <translation>label rusak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label printed badly</source>
        <translation>hasil cetak label jelek</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close this parcel, open the next</source>
        <translation>Tutup paket ini, buka paket berikutnya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove: the next item scan takes one unit out</source>
        <translation>Keluarkan: scan barang berikutnya mengurangi satu unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Park this order (any station may resume it)</source>
        <translation>Parkir pesanan ini (stasiun mana pun bisa melanjutkannya)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to packing (leave remove/short/damaged)</source>
        <translation>Kembali ke packing (keluar dari mode keluarkan/kurang/rusak)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel packing this order (put the items back)</source>
        <translation>Batalkan packing pesanan ini (kembalikan barangnya)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out (an open order is parked)</source>
        <translation>Keluar (pesanan yang terbuka diparkir)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Short, then scan the item: {reason}</source>
        <translation>Kurang, lalu scan barangnya: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Damaged, then scan the item: {reason}</source>
        <translation>Rusak, lalu scan barangnya: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lead releases the parcel&apos;s weight: {reason}</source>
        <translation>Leader meloloskan berat paket: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the last shipping label again: {reason}</source>
        <translation>Cetak ulang label pengiriman terakhir: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Station {station}: scan a code instead of touching the screen</source>
        <translation>Stasiun {station}: scan kode, tidak perlu menyentuh layar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command barcodes</source>
        <translation>Barcode perintah</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../ui/crash.py" line="+58"/>
        <source>The station hit a bug</source>
        <translation>Stasiun mengalami galat program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside the program: {summary}

The last scan shown on screen was recorded. Tell the shift lead; the details are in the log{where}.</source>
        <translation>Terjadi kesalahan di dalam program: {summary}

Scan terakhir yang tampil di layar sudah tersimpan. Beri tahu leader shift; rinciannya ada di log{where}.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../ui/desk/page.py" line="+139"/>
        <source>Desk: find an order, reprint labels</source>
        <translation>Meja layanan: cari pesanan, cetak ulang label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order number, tracking number, SSCC, tote or customer name, or scan a label</source>
        <translation>Nomor pesanan, nomor resi, SSCC, tote atau nama pelanggan, atau scan label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcels</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels and print history</source>
        <translation>Label dan riwayat cetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status history</source>
        <translation>Riwayat status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scans</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Parcel</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Box</source>
        <translation>Kardus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight (g)</source>
        <translation>Berat (g)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>Nomor resi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job</source>
        <translation>Tugas cetak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint of</source>
        <translation>Cetak ulang dari</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+7"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Ke</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+4"/>
        <source>At</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Scanned</source>
        <translation>Hasil scan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint all labels…</source>
        <translation>Cetak ulang semua label…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint one parcel…</source>
        <translation>Cetak ulang satu paket…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void selected label…</source>
        <translation>Batalkan label terpilih…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan any label of a parcel, or type what you know about the order.</source>
        <translation>Scan label mana saja dari paket, atau ketik yang Anda ketahui tentang pesanan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing found for {query}</source>
        <translation>Tidak ditemukan apa pun untuk {query}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} orders found: choose one</source>
        <translation>{count} pesanan ditemukan: pilih satu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} found</source>
        <translation>Pesanan {order} ditemukan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} label(s) of order {order} sent to print again</source>
        <translation>{count} label pesanan {order} dikirim untuk dicetak ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label {job} voided</source>
        <translation>Label {job} dibatalkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not do that: {error}</source>
        <translation>Tidak dapat dilakukan: {error}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reprint labels</source>
        <translation>Cetak ulang label</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the label to void in the labels tab first.</source>
        <translation>Pilih dulu label yang akan dibatalkan di tab label.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void label {job}</source>
        <translation>Batalkan label {job}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Printer: {url}</source>
        <translation>Printer: {url}</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="+234"/>
        <source>Scan any barcode now…</source>
        <translation>Scan barcode apa saja sekarang…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put a known weight on the scale…</source>
        <translation>Letakkan beban yang beratnya diketahui di timbangan…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scan received: {text}</source>
        <translation>Scan diterima: {text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scan was not complete: {reason}</source>
        <translation>Scan tidak lengkap: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight received: {grams} g, stable</source>
        <translation>Berat diterima: {grams} g, stabil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading {grams} g…</source>
        <translation>Membaca {grams} g…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing arrived in 30 seconds. Check the cable and the URL.</source>
        <translation>Tidak ada data dalam 30 detik. Periksa kabel dan URL-nya.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scanner and scale</source>
        <translation>Scanner dan timbangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose them, then scan a barcode and weigh something to prove they work.</source>
        <translation>Pilih perangkatnya, lalu scan barcode dan timbang sesuatu untuk memastikan berfungsi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>Timbangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test scan</source>
        <translation>Uji scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test weight</source>
        <translation>Uji timbang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate (sim:// device)</source>
        <translation>Simulasikan (perangkat sim://)</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/board/drill_dialog.py" line="+14"/>
        <source>Behind the figure: {what}</source>
        <translation>Rincian angka: {what}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what}: {orders} orders, {events} scan events ({start} to {end} UTC)</source>
        <translation>{what}: {orders} pesanan, {events} kejadian scan ({start} sampai {end} UTC)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan events</source>
        <translation>Kejadian scan</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="+16"/>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish writes these settings; the station starts with them.</source>
        <translation>Selesai akan menyimpan pengaturan ini; stasiun mulai dengan pengaturan tersebut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station: {name}</source>
        <translation>Stasiun: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label printer: {url}</source>
        <translation>Printer label: {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slip printer: {url}</source>
        <translation>Printer slip: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner: {url}</source>
        <translation>Scanner: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: {url}</source>
        <translation>Timbangan: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings file: {path}</source>
        <translation>Berkas pengaturan: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✘ marks a test not passed: you can finish now and test again later in Settings.</source>
        <translation>✘ menandai uji yang belum lulus: Anda bisa selesai sekarang dan menguji lagi nanti di Pengaturan.</translation>
    </message>
</context>
<context>
    <name>LabelPreview</name>
    <message>
        <location filename="../../ui/packing/label_preview.py" line="+57"/>
        <source>waiting to print</source>
        <translation>menunggu dicetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printing…</source>
        <translation>mencetak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed</source>
        <translation>tercetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did it print?</source>
        <translation>apakah sudah tercetak?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>void</source>
        <translation>batal</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Parcel {n} of {count}</source>
        <translation>Paket {n} dari {count}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>another printer, e.g. tcp://host:9100</source>
        <translation>printer lain, misalnya tcp://host:9100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to this printer</source>
        <translation>Kirim ke printer ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It printed</source>
        <translation>Sudah tercetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not printed: send again</source>
        <translation>Tidak tercetak: kirim lagi</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{state} on {printer}</source>
        <translation>{state} di {printer}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Label printed</source>
        <translation>Label tercetak</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Label printed for {order}</source>
        <translation>Label pesanan {order} tercetak</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This station has no print spooler</source>
        <translation>Stasiun ini tidak punya antrean cetak</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the other printer&apos;s address first</source>
        <translation>Ketik dulu alamat printer lainnya</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../ui/setup/operators_page.py" line="+154"/>
        <source>Disable</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enable</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+5"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Lead</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operators</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Badge</source>
        <translation>Kartu ID</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>PIN (4-12 digits)</source>
        <translation>PIN (4-12 angka)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the badge</source>
        <translation>Scan kartu ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty to keep the PIN</source>
        <translation>Biarkan kosong untuk tetap memakai PIN lama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable / enable</source>
        <translation>Nonaktifkan / aktifkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an admin may manage operators: {reason}</source>
        <translation>Hanya admin yang boleh mengelola operator: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved: {error}</source>
        <translation>Tidak tersimpan: {error}</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../ui/packing/lines.py" line="+57"/>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>short</source>
        <translation>kurang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scanning</source>
        <translation>sedang discan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to scan</source>
        <translation>belum discan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FRAGILE: wrap it</source>
        <translation>MUDAH PECAH: bungkus dengan pelindung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scan its serial number</source>
        <translation>scan nomor serinya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scan its lot number</source>
        <translation>scan nomor lot-nya</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>({short} short)</source>
        <translation>(kurang {short})</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned</source>
        <translation>Sudah discan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
</context>
<context>
    <name>PackingScreen</name>
    <message>
        <location filename="../../ui/packing/screen.py" line="+81"/>
        <source>{n} (of {count})</source>
        <translation>{n} (dari {count})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{done} of {units} units</source>
        <translation>{done} dari {units} unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to {who}</source>
        <translation>untuk {who}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mode: {mode}</source>
        <translation>Mode: {mode}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer&apos;s note: {note}</source>
        <translation>Catatan pelanggan: {note}</translation>
    </message>
</context>
<context>
    <name>PackingViewModel</name>
    <message>
        <location filename="../../ui/packing/viewmodel.py" line="+65"/>
        <location line="+97"/>
        <location line="+114"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+1"/>
        <source>starting…</source>
        <translation>memulai…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+97"/>
        <location line="+113"/>
        <source>Scale</source>
        <translation>Timbangan</translation>
    </message>
    <message>
        <location line="-209"/>
        <location line="+97"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>no print job yet</source>
        <translation>belum ada tugas cetak</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nothing was recorded: scan it again when this is solved</source>
        <translation>Tidak ada yang tercatat: scan lagi setelah masalah ini teratasi</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unreadable scan</source>
        <translation>Scan tidak terbaca</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The screen stays red until then, or until a lead scans their badge</source>
        <translation>Layar tetap merah sampai saat itu, atau sampai leader scan kartu ID-nya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the items and weigh the parcel again, or a lead scans their badge and a reason from the command sheet</source>
        <translation>Periksa barangnya dan timbang ulang paket, atau leader scan kartu ID-nya dan alasan dari lembar perintah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan the reason from the command sheet</source>
        <translation>Scan alasannya dari lembar perintah</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stick the label on the parcel and scan it</source>
        <translation>Tempel label di paket lalu scan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the label of the next parcel</source>
        <translation>Scan label paket berikutnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the next order, tote or pick list</source>
        <translation>Scan pesanan, tote atau pick list berikutnya</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Scan your badge to sign in</source>
        <translation>Scan kartu ID Anda untuk masuk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the parcel on the scale</source>
        <translation>Letakkan paket di timbangan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan an order, tote or pick list</source>
        <translation>Scan pesanan, tote atau pick list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now scan the item</source>
        <translation>Sekarang scan barangnya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next: {name} ({sku})</source>
        <translation>Berikutnya: {name} ({sku})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the next item</source>
        <translation>Scan barang berikutnya</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Welcome to station {station}</source>
        <translation>Selamat datang di stasiun {station}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order {order} is open</source>
        <translation>Pesanan {order} sedang dibuka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>box {box}</source>
        <translation>kardus {box}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected {kg:.3f} kg ± {tolerance} g</source>
        <translation>seharusnya {kg:.3f} kg ± {tolerance} g</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>connected</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>berhenti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the cable</source>
        <translation>Periksa kabelnya</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not set up</source>
        <translation>belum diatur</translation>
    </message>
</context>
<context>
    <name>Parcels</name>
    <message>
        <location filename="../../ui/packing/parcels.py" line="+28"/>
        <source>Parcel {n}</source>
        <translation>Paket {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>box {box}</source>
        <translation>kardus {box}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (suggested)</source>
        <translation> (disarankan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>expected {kg} ± {tolerance} g</source>
        <translation>seharusnya {kg} ± {tolerance} g</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>empty</source>
        <translation>kosong</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Put the parcel on the scale</source>
        <translation>Letakkan paket di timbangan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no expected weight</source>
        <translation>tidak ada berat acuan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (settling)</source>
        <translation> (belum stabil)</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../ui/messages.py" line="+96"/>
        <source>shipping label</source>
        <extracomment>What each kind of print job is called (``PrintJob.kind``), for the printer line and the desk.</extracomment>
        <translation>label pengiriman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return label</source>
        <translation>label retur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>packing slip</source>
        <translation>slip packing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest</source>
        <translation>manifes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test label</source>
        <translation>label uji</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../ui/spooler_link.py" line="+53"/>
        <source>out of paper</source>
        <translation>kertas habis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head open</source>
        <translation>kepala printer terbuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of ribbon</source>
        <translation>pita habis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>busy (buffer full)</source>
        <translation>sibuk (buffer penuh)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cutter fault</source>
        <translation>pemotong bermasalah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overheated</source>
        <translation>terlalu panas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hardware error</source>
        <translation>kerusakan perangkat keras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answering (state unknown)</source>
        <translation>tidak menjawab (status tidak diketahui)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>printed {what}</source>
        <translation>{what} tercetak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printing {what}…</source>
        <translation>mencetak {what}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>did {what} print?</source>
        <translation>apakah {what} tercetak?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look at the printer, then confirm or reprint it on the desk</source>
        <translation>Lihat printernya, lalu konfirmasi atau cetak ulang lewat meja layanan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the printer, or send the job to another printer on the desk</source>
        <translation>Periksa printer, atau kirim tugas cetak ke printer lain lewat meja layanan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ready</source>
        <translation>siap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role}: {state}</source>
        <translation>{role}: {state}</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="-171"/>
        <source>Printing the test label…</source>
        <translation>Mencetak label uji…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test label printed on {url}. Check that its ruler measures 10 mm.</source>
        <translation>Label uji dicetak di {url}. Pastikan penggarisnya tepat 10 mm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer reports {reported} dpi, not {dpi}: change the dpi above.</source>
        <translation>Printer melaporkan {reported} dpi, bukan {dpi}: ubah dpi di atas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Not printed: {error}</source>
        <translation>Tidak tercetak: {error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printers</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the label printer and the packing slip printer, then print a test label.</source>
        <translation>Pilih printer label dan printer slip packing, lalu cetak label uji.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label printer</source>
        <translation>Printer label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slip printer</source>
        <translation>Printer slip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label size</source>
        <translation>Ukuran label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printer dpi</source>
        <translation>Dpi printer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print test label</source>
        <translation>Cetak label uji</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/desk/reason_dialog.py" line="+70"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label damaged or unreadable</source>
        <translation>Label rusak atau tidak terbaca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer jammed</source>
        <translation>Printer macet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label lost</source>
        <translation>Label hilang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label on the wrong parcel</source>
        <translation>Label tertempel di paket yang salah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All labels of the order</source>
        <translation>Semua label pesanan ini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only parcel {seq}</source>
        <translation>Hanya paket {seq}</translation>
    </message>
</context>
<context>
    <name>SelfTestPage</name>
    <message>
        <location filename="../../ui/setup/selftest_page.py" line="+96"/>
        <source>No self-test yet this shift.</source>
        <translation>Belum ada uji mandiri di shift ini.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last self-test this shift: passed at {time}</source>
        <translation>Uji mandiri terakhir shift ini: lulus pukul {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last self-test this shift: FAILED at {time}</source>
        <translation>Uji mandiri terakhir shift ini: GAGAL pukul {time}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not do that: {error}</source>
        <translation>Tidak dapat dilakukan: {error}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pre-shift self-test</source>
        <translation>Uji mandiri sebelum shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print self-test sheet</source>
        <translation>Cetak lembar uji mandiri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this step</source>
        <translation>Lewati langkah ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again</source>
        <translation>Mulai lagi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suffix (Enter after each code)</source>
        <translation>Akhiran (Enter setelah tiap kode)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capitals and small letters, y/z</source>
        <translation>Huruf besar dan kecil, y/z</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits (NumLock)</source>
        <translation>Angka (NumLock)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbols @#[]{}&lt;&gt;|\~^_&apos;&quot;/</source>
        <translation>Simbol @#[]{}&lt;&gt;|\~^_&apos;&quot;/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More symbols</source>
        <translation>Simbol lainnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard layout test with GS</source>
        <translation>Uji tata letak keyboard dengan GS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GS1-128 with GS separator</source>
        <translation>GS1-128 dengan pemisah GS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test label: printed and readable</source>
        <translation>Label uji: tercetak dan terbaca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test label: ruler measures 10 mm</source>
        <translation>Label uji: penggaris tepat 10 mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale: zero, then the test weight</source>
        <translation>Timbangan: nol, lalu beban uji</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code {n}</source>
        <translation>Kode {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The scanner sends no Enter after a code: program its suffix to CR (Enter).</source>
        <translation>Scanner tidak mengirim Enter setelah kode: atur akhirannya ke CR (Enter).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The GS separator is lost: program the scanner to send GS (Ctrl+]) or use it in serial (USB COM) mode.</source>
        <translation>Pemisah GS hilang: atur scanner agar mengirim GS (Ctrl+]) atau gunakan mode serial (USB COM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digits are missing: switch NumLock on, or program the scanner to type digits on the main keys.</source>
        <translation>Angka hilang: nyalakan NumLock, atau atur scanner agar mengetik angka dengan tombol utama.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>y and z are swapped: the computer uses a German (QWERTZ) layout. Set the scanner and the computer to the same layout.</source>
        <translation>y dan z tertukar: komputer memakai tata letak Jerman (QWERTZ). Samakan tata letak scanner dan komputer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Letters and digits are swapped: the computer uses a French (AZERTY) layout. Set the scanner and the computer to the same layout.</source>
        <translation>Huruf dan angka tertukar: komputer memakai tata letak Prancis (AZERTY). Samakan tata letak scanner dan komputer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>@ and &quot; are swapped: the computer uses a UK layout. Set the scanner and the computer to the same layout.</source>
        <translation>@ dan &quot; tertukar: komputer memakai tata letak Inggris (UK). Samakan tata letak scanner dan komputer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capitals and small letters are swapped: switch Caps Lock off.</source>
        <translation>Huruf besar dan kecil tertukar: matikan Caps Lock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan does not match the sheet: reset the scanner to its factory settings, or use it in serial (USB COM) mode.</source>
        <translation>Hasil scan tidak sesuai lembar uji: kembalikan scanner ke pengaturan pabrik, atau gunakan mode serial (USB COM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer&apos;s dpi differs from the settings: correct the dpi in Settings.</source>
        <translation>Dpi printer berbeda dari pengaturan: perbaiki dpi di Pengaturan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That was not the test label just printed.</source>
        <translation>Itu bukan label uji yang baru dicetak.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test label was not printed: check the label printer.</source>
        <translation>Label uji tidak tercetak: periksa printer label.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ruler is not 10 mm: check the label size and dpi in Settings.</source>
        <translation>Penggaris tidak 10 mm: periksa ukuran label dan dpi di Pengaturan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scale shows the wrong weight: calibrate it.</source>
        <translation>Timbangan menunjukkan berat yang salah: kalibrasi timbangan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped.</source>
        <translation>Dilewati.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That was code {n}: scan the codes in order, this one is {step}.</source>
        <translation>Itu kode {n}: scan kode secara berurutan, yang sekarang adalah {step}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving the result…</source>
        <translation>Menyimpan hasil…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test passed. Ready to pack.</source>
        <translation>Uji mandiri lulus. Siap packing.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test failed: fix what is marked red and start again.</source>
        <translation>Uji mandiri gagal: perbaiki yang bertanda merah lalu mulai lagi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printing the test label…</source>
        <translation>Mencetak label uji…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode on the test label just printed.</source>
        <translation>Scan barcode pada label uji yang baru dicetak.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure the ruler on the test label, then scan code 8 (10 mm) or code 9 (not 10 mm) on the sheet.</source>
        <translation>Ukur penggaris pada label uji, lalu scan kode 8 (10 mm) atau kode 9 (bukan 10 mm) di lembar uji.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take everything off the scale.</source>
        <translation>Angkat semua barang dari timbangan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the test weight of {grams} g on the scale.</source>
        <translation>Letakkan beban uji {grams} g di timbangan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan {step} on the self-test sheet.</source>
        <translation>Scan {step} di lembar uji mandiri.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/setup/settings_page.py" line="+189"/>
        <source>Printing the test label…</source>
        <translation>Mencetak label uji…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printed. Its ruler must measure 10 mm.</source>
        <translation>Tercetak. Penggarisnya harus tepat 10 mm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not printed: {error}</source>
        <translation>Tidak tercetak: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved: {error}</source>
        <translation>Tidak tersimpan: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to {path}</source>
        <translation>Disimpan ke {path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printers</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scanner and scale</source>
        <translation>Scanner dan timbangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label printer</source>
        <translation>Printer label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slip printer</source>
        <translation>Printer slip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label size</source>
        <translation>Ukuran label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printer dpi</source>
        <translation>Dpi printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>Timbangan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Self-test weight</source>
        <translation>Beban uji mandiri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound volume</source>
        <translation>Volume suara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight tolerance</source>
        <translation>Toleransi berat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>but at least</source>
        <translation>tetapi minimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print test label</source>
        <translation>Cetak label uji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weigh every parcel before its label prints</source>
        <translation>Timbang setiap paket sebelum labelnya dicetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup/wizard.py" line="+73"/>
        <source>Station set-up</source>
        <translation>Pengaturan stasiun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SimPanel</name>
    <message>
        <location filename="../../ui/sim_panel.py" line="+22"/>
        <source>Simulator:</source>
        <translation>Simulator:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type a code, Enter scans it</source>
        <translation>ketik kode, Enter untuk scan</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>Unplug scanner</source>
        <translation>Cabut scanner</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>grams on the scale</source>
        <translation>gram di timbangan</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Plug scanner in</source>
        <translation>Colokkan scanner</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <location filename="../../ui/pages.py" line="+67"/>
        <source>Desk</source>
        <translation>Meja layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test</source>
        <translation>Uji mandiri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Board</source>
        <translation>Papan kinerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operators</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/station.py" line="+99"/>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No device is set in the settings</source>
        <translation>Belum ada perangkat di pengaturan</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui/setup/wizard_pages.py" line="-87"/>
        <source>Welcome: set up this packing station</source>
        <translation>Selamat datang: atur stasiun packing ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the language and give the station a name.</source>
        <translation>Pilih bahasa dan beri nama stasiun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station name</source>
        <translation>Nama stasiun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name appears on reports and tells leads where an order is being packed. Letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, e.g. PACK-01.</source>
        <translation>Nama ini muncul di laporan dan memberi tahu leader di mana pesanan sedang dipacking. Huruf, angka, &apos;-&apos;, &apos;_&apos; dan &apos;.&apos;, misalnya PACK-01.</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../ui/window.py" line="+106"/>
        <source>This page needs a lead: scan a lead&apos;s badge on the packing screen first</source>
        <translation>Halaman ini perlu leader: scan dulu kartu ID leader di layar packing</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Packing station {station}</source>
        <translation>Stasiun packing {station}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print command sheet</source>
        <translation>Cetak lembar perintah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Light theme</source>
        <translation>Tema terang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark theme</source>
        <translation>Tema gelap</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../ui/packing/status_strip.py" line="+90"/>
        <source>Station</source>
        <translation>Stasiun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>settling</source>
        <translation>belum stabil</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../ui/i18n.py" line="+132"/>
        <source>No Chinese font is installed: Chinese names and addresses show as boxes. Ask IT to install fonts-noto-cjk.</source>
        <extracomment>Language code (as in the settings) -&gt; its own name, shown in the language chooser. The translators installed now (by any ``Translations``): a switch replaces all of them.</extracomment>
        <translation>Font Mandarin belum terpasang: nama dan alamat berhuruf Mandarin tampil sebagai kotak. Minta tim IT memasang fonts-noto-cjk.</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <location filename="../../ui/messages.py" line="+24"/>
        <source>Order {order} opened: {lines} lines, {units} units</source>
        <translation>Pesanan {order} dibuka: {lines} baris, {units} unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} resumed: {scanned} of {units} units scanned</source>
        <translation>Pesanan {order} dilanjutkan: {scanned} dari {units} unit sudah discan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {scanned} of {ordered}</source>
        <translation>{name}: {scanned} dari {ordered}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} complete: {units} units in {parcels} parcel(s)</source>
        <translation>Pesanan {order} selesai: {units} unit dalam {parcels} paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong item: {name} is not in this order. Take it out and scan it again</source>
        <translation>Barang salah: {name} tidak ada di pesanan ini. Keluarkan lalu scan sekali lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many: {sku} needs {ordered}. Take the extra unit out and scan it again</source>
        <translation>Kelebihan: {sku} hanya perlu {ordered}. Keluarkan unit lebihnya lalu scan sekali lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown barcode {code}</source>
        <translation>Barcode tidak dikenal {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable scan: {error}</source>
        <translation>Scan tidak terbaca: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: scan the serial number</source>
        <translation>{sku}: scan nomor serinya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: scan the lot (batch) number</source>
        <translation>{sku}: scan nomor lot (batch)-nya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial {serial} was already packed. Take this unit out and scan it again</source>
        <translation>Nomor seri {serial} sudah pernah dipacking. Keluarkan unit ini lalu scan sekali lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired: lot {lot} of {sku} expired on {expiry}. Take it out and scan it again</source>
        <translation>Kedaluwarsa: lot {lot} dari {sku} kedaluwarsa pada {expiry}. Keluarkan lalu scan sekali lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No order, tote or pick list {code}</source>
        <translation>Tidak ada pesanan, tote atau pick list {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is in progress at station {station} by {operator}</source>
        <translation>Pesanan {order} sedang dikerjakan di stasiun {station} oleh {operator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is cancelled: do not pack it</source>
        <translation>Pesanan {order} dibatalkan: jangan dipacking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is on hold: {reason}</source>
        <translation>Pesanan {order} ditahan: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is already {status}</source>
        <translation>Pesanan {order} sudah berstatus {status}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} is open here: finish or park it first</source>
        <translation>Pesanan {order} masih terbuka di sini: selesaikan atau parkir dulu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No order open: scan an order, tote or pick list</source>
        <translation>Belum ada pesanan terbuka: scan pesanan, tote atau pick list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still waiting: scan {code} back out, or a lead&apos;s badge</source>
        <translation>Masih menunggu: scan {code} saat dikeluarkan, atau kartu ID leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed: {sku} taken out</source>
        <translation>Terkonfirmasi: {sku} sudah dikeluarkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead {lead} overrode: {what}</source>
        <translation>Leader {lead} mengizinkan: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed {quantity} x {sku}: {scanned} of {ordered}</source>
        <translation>Dikeluarkan {quantity} x {sku}: {scanned} dari {ordered}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing of {sku} to remove</source>
        <translation>Tidak ada {sku} yang bisa dikeluarkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: {quantity} short ({reason})</source>
        <translation>{sku}: kurang {quantity} ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: {quantity} damaged ({reason}); scan a good unit</source>
        <translation>{sku}: {quantity} rusak ({reason}); scan unit yang bagus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{mode}: now scan the item</source>
        <translation>{mode}: sekarang scan barangnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} closed; parcel {next} open</source>
        <translation>Paket {parcel} ditutup; paket {next} dibuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} is empty: scan items into it first</source>
        <translation>Paket {parcel} masih kosong: scan barang ke dalamnya dulu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel}: box {box}</source>
        <translation>Paket {parcel}: kardus {box}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel}: {grams} g</source>
        <translation>Paket {parcel}: {grams} g</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} parked</source>
        <translation>Pesanan {order} diparkir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packing of order {order} cancelled: put the items back</source>
        <translation>Packing pesanan {order} dibatalkan: kembalikan barang-barangnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order} complete but short: on hold for a lead</source>
        <translation>Pesanan {order} selesai tetapi kurang: ditahan untuk leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown command {code}</source>
        <translation>Perintah tidak dikenal {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{sku}: quantity entry is not allowed on this line</source>
        <translation>{sku}: input jumlah tidak diizinkan untuk baris ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in: {operator}</source>
        <translation>Masuk sebagai: {operator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody is signed in: scan your badge first</source>
        <translation>Belum ada yang masuk: scan kartu ID Anda dulu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{operator} may not {what}: a lead&apos;s badge is needed</source>
        <translation>{operator} tidak boleh {what}: perlu kartu ID leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label of order {order} parcel {parcel} of {parcels} confirmed</source>
        <translation>Label pesanan {order} paket {parcel} dari {parcels} terkonfirmasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label of order {order} parcel {parcel} was already confirmed</source>
        <translation>Label pesanan {order} paket {parcel} sudah pernah dikonfirmasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong label: this is order {order} parcel {parcel}, but order {expected} was just packed here. Take the label off</source>
        <translation>Label salah: ini pesanan {order} paket {parcel}, padahal yang baru dipacking di sini pesanan {expected}. Lepaskan labelnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel}: put it on the scale (expected {expected})</source>
        <translation>Paket {parcel}: letakkan di timbangan (seharusnya {expected})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parcel {parcel} weighs {grams} g, expected {expected} (± {allowed} g): check the items and weigh again, or a lead releases it</source>
        <translation>Paket {parcel} beratnya {grams} g, seharusnya {expected} (± {allowed} g): periksa barangnya lalu timbang ulang, atau leader meloloskannya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead {lead}: scan the reason for releasing parcel {parcel}</source>
        <translation>Leader {lead}: scan alasan meloloskan paket {parcel}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out: {operator}</source>
        <translation>Sudah keluar: {operator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order {order}: {labels} label(s) printed again</source>
        <translation>Pesanan {order}: {labels} label dicetak ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to reprint: no order was packed at this station yet</source>
        <translation>Tidak ada yang bisa dicetak ulang: belum ada pesanan yang dipacking di stasiun ini</translation>
    </message>
</context>
</TS>
