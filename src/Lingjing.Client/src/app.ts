import "bootstrap/dist/css/bootstrap.min.css";
