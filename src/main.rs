fn main() {
    mobproc_widget::start();
}
