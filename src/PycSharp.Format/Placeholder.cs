namespace PycSharp.Format;
