// The packing slip's print button: the browser's own print dialog (the print stylesheet leaves only the slip).
document.getElementById('print')?.addEventListener('click', () => window.print());
